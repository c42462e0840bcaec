package de.kihub.portal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CsrfTest {

    @Test
    void aFormWithTheSessionsTokenIsValid() {
        HttpSession session = session();
        String token = Csrf.token(request(session, null));
        assertEquals(43, token.length());
        assertEquals(token, Csrf.token(request(session, null)), "one token per session");
        assertTrue(Csrf.valid(request(session, token)));
    }

    @Test
    void missingWrongOrForeignTokensAreRefused() {
        HttpSession mine = session();
        HttpSession other = session();
        String token = Csrf.token(request(mine, null));
        String foreign = Csrf.token(request(other, null));
        assertNotEquals(token, foreign);
        assertFalse(Csrf.valid(request(mine, null)), "no field");
        assertFalse(Csrf.valid(request(mine, "")), "empty field");
        assertFalse(Csrf.valid(request(mine, foreign)), "another session's token");
        assertFalse(Csrf.valid(request(mine, token.substring(1))), "truncated");
        assertFalse(Csrf.valid(request(null, token)), "no session");
        assertFalse(Csrf.valid(request(session(), token)), "a session without a token");
    }

    private static HttpSession session() {
        Map<String, Object> attributes = new HashMap<>();
        return (HttpSession)
                Proxy.newProxyInstance(
                        CsrfTest.class.getClassLoader(),
                        new Class<?>[] {HttpSession.class},
                        (proxy, method, args) ->
                                switch (method.getName()) {
                                    case "getAttribute" -> attributes.get((String) args[0]);
                                    case "setAttribute" ->
                                            attributes.put((String) args[0], args[1]);
                                    case "hashCode" -> System.identityHashCode(proxy);
                                    case "equals" -> proxy == args[0];
                                    default ->
                                            throw new UnsupportedOperationException(
                                                    method.getName());
                                });
    }

    private static HttpServletRequest request(HttpSession session, String field) {
        return (HttpServletRequest)
                Proxy.newProxyInstance(
                        CsrfTest.class.getClassLoader(),
                        new Class<?>[] {HttpServletRequest.class},
                        (proxy, method, args) ->
                                switch (method.getName()) {
                                    case "getSession" -> session;
                                    case "getParameter" ->
                                            Csrf.FIELD.equals(args[0]) ? field : null;
                                    default ->
                                            throw new UnsupportedOperationException(
                                                    method.getName());
                                });
    }
}
