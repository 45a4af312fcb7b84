package shop.winback.compensation.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import shop.winback.compensation.settings.ShopSettings;
import shop.winback.compensation.settings.ShopSettingsStore;
import shop.winback.platform.security.Caller;
import shop.winback.platform.security.Roles;

@Path("/api/v1/compensation-settings")
@Tag(
        name = "Compensation settings",
        description = "Per-shop numbers of the ladder and of authority; every field defaults to DOMAIN's number")
@Produces(MediaType.APPLICATION_JSON)
public class SettingsResource {

    private final ShopSettingsStore store;
    private final Caller caller;

    public SettingsResource(ShopSettingsStore store, Caller caller) {
        this.store = store;
        this.caller = caller;
    }

    @GET
    @Operation(
            summary = "The numbers in force for the shop",
            description =
                    "The shop's own values where it set them, DOMAIN's defaults elsewhere: offers, ceilings, authority limits, origin and courier.")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.MANAGER, Roles.REPORTING})
    public ShopSettings get() {
        return store.effective(caller.shopId());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Set the shop's numbers",
            description = "Omitted fields go back to the defaults. The shop owner's decision.")
    @APIResponse(
            responseCode = "200",
            description = "The numbers now in force",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ShopSettings.class)))
    @APIResponse(responseCode = "400", description = "A number out of range; nothing changed")
    @RolesAllowed(Roles.MANAGER)
    public ShopSettings put(@NotNull @Valid ShopSettings body) {
        if (body.timeZone() != null) {
            try {
                java.time.ZoneId.of(body.timeZone());
            } catch (java.time.DateTimeException e) {
                throw new shop.winback.platform.problem.InvalidRequestProblem(
                        "timeZone", "must be an IANA time zone such as Asia/Shanghai");
            }
        }
        return store.replace(caller.shopId(), body, caller.name());
    }
}
