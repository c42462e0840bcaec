package de.kihub.portal.web;

import de.kihub.portal.security.TenantContext;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** The home page at {@code /}: what the hub is, a catalog search, and the signed-in user. */
@WebServlet("")
public class HomeServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Inject transient PageRenderer pages;

    @Inject transient TenantContext context;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        PageModel page = PageModel.start(request, response, context.caller()).section("home");
        pages.render("home", page, request, response);
    }
}
