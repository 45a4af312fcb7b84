package shop.winback.logistics.rest;

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
import shop.winback.logistics.settings.LogisticsSettings;
import shop.winback.logistics.settings.ShopSettingsStore;
import shop.winback.platform.security.Caller;
import shop.winback.platform.security.Roles;

@Path("/api/v1/logistics-settings")
@Tag(
        name = "Logistics settings",
        description = "Per-shop weight tolerance, damaged-parcel threshold and postage prices")
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
            summary = "The settings in force for the shop",
            description = "postageRates lists only the shop's own prices; the rest are the defaults.")
    @RolesAllowed({Roles.SUPERVISOR, Roles.MANAGER, Roles.REPORTING})
    public LogisticsSettings get() {
        return store.effective(caller.shopId());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Set the shop's settings",
            description = "Replaces them; omitted fields go back to the defaults.")
    @APIResponse(
            responseCode = "200",
            description = "The settings now in force",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = LogisticsSettings.class)))
    @APIResponse(responseCode = "400", description = "A value out of range; nothing changed")
    @RolesAllowed({Roles.SUPERVISOR, Roles.MANAGER})
    public LogisticsSettings put(@NotNull @Valid LogisticsSettings body) {
        return store.replace(caller.shopId(), body, caller.name());
    }
}
