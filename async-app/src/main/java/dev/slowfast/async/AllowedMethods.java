package dev.slowfast.async;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The {@code Allow} header of a 405: the methods the router's own routes accept on a path.
 * Vert.x Web works out that a path exists but the method does not, yet keeps that method set to
 * itself once an error handler takes over, so we read it back from {@link Router#getRoutes()}:
 * the routes stay the single source of truth.
 */
final class AllowedMethods {

    private final Router router;

    AllowedMethods(Router router) {
        this.router = router;
    }

    /** E.g. {@code "GET, POST"} for {@code /contacts}. */
    String forPath(String requestPath) {
        Set<HttpMethod> allowed = new LinkedHashSet<>();
        for (Route route : router.getRoutes()) {
            if (route.getPath() != null && matches(route.getPath(), requestPath)) {
                allowed.addAll(route.methods());
            }
        }
        return allowed.stream().map(HttpMethod::name).collect(Collectors.joining(", "));
    }

    /** Same segment count; a {@code :param} segment of the template matches any one segment. */
    private static boolean matches(String template, String path) {
        String[] expected = template.split("/", -1);
        String[] actual = path.split("/", -1);
        if (expected.length != actual.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            boolean parameter = expected[i].startsWith(":") && !actual[i].isEmpty();
            if (!parameter && !expected[i].equals(actual[i])) {
                return false;
            }
        }
        return true;
    }
}
