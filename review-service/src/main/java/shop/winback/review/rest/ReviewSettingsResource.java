package shop.winback.review.rest;

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
import shop.winback.platform.security.Caller;
import shop.winback.platform.security.Roles;
import shop.winback.review.settings.ShopSettings;
import shop.winback.review.settings.ShopSettingsStore;

/** The shop's thresholds for review signals: DSR watch, product alerts, bad-reviewer suspicion. */
@Path("/api/v1/review-settings")
@Tag(name = "Review settings", description = "Per-shop thresholds; every field defaults to DOMAIN's number")
@Produces(MediaType.APPLICATION_JSON)
public class ReviewSettingsResource {

    private final ShopSettingsStore store;
    private final Caller caller;

    public ReviewSettingsResource(ShopSettingsStore store, Caller caller) {
        this.store = store;
        this.caller = caller;
    }

    @GET
    @Operation(
            summary = "The thresholds in force for the shop",
            description =
                    "The shop's own values where it set them, DOMAIN's defaults elsewhere: what capture and the item signals use now.")
    @RolesAllowed({Roles.SUPERVISOR, Roles.MANAGER, Roles.REPORTING})
    public ShopSettings get() {
        return store.effective(caller.shopId());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Set the shop's thresholds",
            description = "Omitted fields go back to the defaults. Applies to reviews captured from now on.")
    @APIResponse(
            responseCode = "200",
            description = "The thresholds now in force",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ShopSettings.class)))
    @APIResponse(responseCode = "400", description = "A threshold out of range; nothing changed")
    @RolesAllowed({Roles.SUPERVISOR, Roles.MANAGER})
    public ShopSettings put(@NotNull @Valid ShopSettings body) {
        return store.replace(caller.shopId(), body, caller.name());
    }
}
