package shop.winback.platform.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import shop.winback.platform.problem.ForbiddenProblem;
import shop.winback.platform.problem.Problem;
import shop.winback.platform.problem.ProblemMappers;

/**
 * 401 and 403 as problem+json. Authentication is lazy ({@code quarkus.http.auth.proactive=false}),
 * so a missing, expired or forged token fails inside the REST layer and lands here.
 * Details never echo the token.
 */
public class SecurityProblemMappers {

    static final String UNAUTHENTICATED = "urn:winback:problem:unauthenticated";

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return unauthenticated("A valid bearer token is required", uri);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return unauthenticated("The bearer token is missing, expired, or not signed by a trusted key", uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return ProblemMappers.respond(new Problem(
                ForbiddenProblem.TYPE,
                "Forbidden",
                403,
                "Your role may not do this",
                ProblemMappers.path(uri),
                List.of()));
    }

    private static Response unauthenticated(String detail, UriInfo uri) {
        return Response.status(401)
                .type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .entity(new Problem(
                        UNAUTHENTICATED, "Unauthenticated", 401, detail, ProblemMappers.path(uri), List.of()))
                .build();
    }
}
