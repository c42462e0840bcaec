package de.kihub.portal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class ModelPageServletTest {

    @Test
    void ownerSlashNameIsAModel() {
        assertEquals(
                "kihub/people-counter", ModelPageServlet.ref("/kihub/people-counter").toString());
    }

    @Test
    void anythingElseIsNoModel() {
        assertNull(ModelPageServlet.ref(null));
        assertNull(ModelPageServlet.ref("/"));
        assertNull(ModelPageServlet.ref("/kihub"));
        assertNull(ModelPageServlet.ref("/kihub/"));
        assertNull(ModelPageServlet.ref("/kihub/people-counter/1.0.0"));
        assertNull(ModelPageServlet.ref("/kihub/Not A Slug"));
    }
}
