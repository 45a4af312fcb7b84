package shop.winback.bare;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

/**
 * The bare app's one REST resource (REST + Jackson, validation, JWT roles): stores a thing and sends it on the
 * outgoing channel (an emitter, as the services' outbox relay sends).
 */
@Path("/api/v1/things")
@Produces(MediaType.APPLICATION_JSON)
public class ThingResource {

    public record NewThing(@NotBlank @Size(max = 100) String name) {}

    private final Emitter<String> out;

    public ThingResource(@Channel("things-out") Emitter<String> out) {
        this.out = out;
    }

    @GET
    @RolesAllowed({"reporting", "manager"})
    public List<Thing> list() {
        return Thing.listAll();
    }

    @POST
    @Transactional
    @RolesAllowed("manager")
    public Thing add(@Valid NewThing body) {
        Thing thing = new Thing();
        thing.id = UUID.randomUUID();
        thing.name = body.name();
        thing.createdAt = Instant.now();
        thing.persist();
        out.send(thing.id.toString());
        return thing;
    }
}
