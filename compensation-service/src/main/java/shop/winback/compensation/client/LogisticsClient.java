package shop.winback.compensation.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * logistics-service's postage estimate ({@code quarkus.rest-client.logistics.url}). The caller's
 * bearer token is passed on explicitly as the Authorization header, so it is propagated whatever
 * thread the fault-tolerance layer runs the call on.
 */
@RegisterRestClient(configKey = "logistics")
@Path("/api/v1/postage")
@Produces(MediaType.APPLICATION_JSON)
public interface LogisticsClient {

    @GET
    PostageAnswer postage(
            @HeaderParam("Authorization") String authorization,
            @QueryParam("courier") String courier,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("toCity") String toCity,
            @QueryParam("weightGrams") int weightGrams);

    /** What logistics-service answers; fields it adds later are ignored (its API evolves additively). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record PostageAnswer(
            String courier,
            String from,
            String to,
            Integer weightGrams,
            Long firstKiloFen,
            Long extraKiloFen,
            Long totalFen,
            Boolean remote) {}
}
