package shop.winback.workbench;

import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** No user, or a token the services refuse: back to the sign-in page (the cookie cleared). */
public class Failures {

    @ServerExceptionMapper
    public Response signIn(Session.SignInRequired e) {
        return Response.seeOther(URI.create("/signin")).build();
    }

    @ServerExceptionMapper
    public Response upstream(UpstreamProblem e) {
        if (e.status == 401) {
            return Response.seeOther(URI.create("/signin?expired=true"))
                    .cookie(Session.clearedToken())
                    .build();
        }
        // a page that could not be made: the service's own words, as plain text (nothing of the user's echoed as HTML)
        return Response.status(e.status >= 500 ? 502 : e.status)
                .type("text/plain; charset=UTF-8")
                .entity(e.message())
                .build();
    }
}
