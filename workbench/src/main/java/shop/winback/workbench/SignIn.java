package shop.winback.workbench;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Sign in with one's own bearer token, sign out, switch language. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class SignIn {

    /** A demo user of the dev profile: deploy/run's tokens.env, NAME=token. */
    public record DemoUser(String name, String token) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance signin(boolean invalid, List<DemoUser> demoUsers, String lang);
    }

    private final Session session;
    private final WorkbenchConfig config;

    public SignIn(Session session, WorkbenchConfig config) {
        this.session = session;
        this.config = config;
    }

    @GET
    public Response home() {
        return Response.seeOther(URI.create(session.user().map(SignIn::start).orElse("/signin")))
                .build();
    }

    @GET
    @Path("/signin")
    public TemplateInstance form(@QueryParam("expired") boolean expired) {
        return Pages.localized(Templates.signin(expired, demoUsers(), session.lang()), session);
    }

    @POST
    @Path("/signin")
    @jakarta.ws.rs.Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signIn(@FormParam("token") String token) {
        var user = User.of(token, Instant.now());
        if (user.isEmpty()) {
            return Response.status(401)
                    .entity(Pages.localized(Templates.signin(true, demoUsers(), session.lang()), session))
                    .build();
        }
        return Response.seeOther(URI.create(start(user.get())))
                .cookie(Session.tokenCookie(user.get().token(), user.get().expiresAt()))
                .build();
    }

    @POST
    @Path("/signout")
    public Response signOut() {
        return Response.seeOther(URI.create("/signin"))
                .cookie(Session.clearedToken())
                .build();
    }

    /** The language switch: a cookie, then back to the page it was pressed on (only a path of this site). */
    @GET
    @Path("/lang")
    public Response lang(@QueryParam("to") String to, @QueryParam("back") String back) {
        String target = back != null && back.startsWith("/") && !back.startsWith("//") ? back : "/desk";
        return Response.seeOther(URI.create(target))
                .cookie(Session.langCookie("en".equals(to) ? "en" : "zh-CN"))
                .build();
    }

    /** Where a user starts: supervisors and managers on the supervisor's page, agents on their desk. */
    private static String start(User user) {
        return user.supervises() ? "/supervision" : "/desk";
    }

    private List<DemoUser> demoUsers() {
        List<DemoUser> users = new ArrayList<>();
        config.demoTokensFile()
                .map(java.nio.file.Path::of)
                .filter(Files::isReadable)
                .ifPresent(file -> {
                    try {
                        for (String line : Files.readAllLines(file)) {
                            int eq = line.indexOf('=');
                            if (eq > 0 && !line.startsWith("#")) {
                                String name = line.substring(0, eq).replaceFirst("^export\\s+", "");
                                String value = line.substring(eq + 1).replaceAll("^['\"]|['\"]$", "");
                                // only those who have a desk: agents, supervisors, managers (not integration or
                                // reporting)
                                if (User.of(value, Instant.now())
                                        .filter(u -> u.is("agent") || u.oversees())
                                        .isPresent()) {
                                    users.add(new DemoUser(name, value));
                                }
                            }
                        }
                    } catch (IOException e) {
                        // no demo users then: signing in by pasting still works
                    }
                });
        return users;
    }
}
