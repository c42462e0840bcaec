package de.kihub.portal.api.me;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/** The signed-in caller: user name, acting tenant (null for platform users), tenants and roles. */
@JsonbPropertyOrder({"user", "tenant", "tenants", "roles"})
public record Me(
        String user, @JsonbNillable String tenant, List<String> tenants, List<String> roles) {}
