package shop.winback.logistics.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import shop.winback.logistics.domain.IncomingScan;
import shop.winback.logistics.service.CourierPushes;
import shop.winback.logistics.service.CourierTimes;
import shop.winback.platform.problem.InvalidRequestProblem;
import shop.winback.platform.problem.Problem;
import shop.winback.platform.problem.ProblemException;
import shop.winback.platform.problem.ProblemMappers;

/**
 * Pushes from couriers, not from our users: no bearer token; the signature is the authentication,
 * checked before anything is read. A bad signature stores nothing.
 */
@Path("/api/v1/courier-pushes")
@Tag(name = "Courier pushes", description = "Scans pushed by couriers; signed, not behind a token")
@SecurityRequirements // none: said outright (security: []), so a generated client sends no token here
@PermitAll
public class CourierPushResource {

    /** Kuaidi100's documented success answer; anything else makes it push again later. */
    static final Map<String, Object> KUAIDI100_OK = Map.of("result", true, "returnCode", "200", "message", "成功");

    private final CourierPushes pushes;
    private final CourierTimes times;
    private final ObjectMapper json;
    private final Validator validator;

    public CourierPushResource(CourierPushes pushes, CourierTimes times, ObjectMapper json, Validator validator) {
        this.pushes = pushes;
        this.times = times;
        this.json = json;
        this.validator = validator;
    }

    @POST
    @Path("/kuaidi100")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Kuaidi100 subscription push (订阅推送)",
            description =
                    "Form fields param (Kuaidi100's push JSON) and sign = upper-case MD5(param + salt). Answers Kuaidi100's "
                            + "success body {\"result\":true,\"returnCode\":\"200\",\"message\":\"成功\"} once the scans are stored (a replay stores nothing new). "
                            + "A bad sign answers 401 with result=false, returnCode 401; an unreadable param 400; a tracking number no shipment has 404 "
                            + "(result=false, so Kuaidi100 pushes again later, by when the order system may have registered it).")
    @APIResponse(
            responseCode = "200",
            description = "Stored",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples =
                                    @ExampleObject(
                                            name = "success",
                                            value = "{\"result\":true,\"returnCode\":\"200\",\"message\":\"成功\"}")))
    @APIResponse(
            responseCode = "401",
            description = "Bad signature; nothing stored",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples =
                                    @ExampleObject(
                                            name = "bad sign",
                                            value =
                                                    "{\"result\":false,\"returnCode\":\"401\",\"message\":\"签名验证失败\"}")))
    public Response kuaidi100(@FormParam("param") String param, @FormParam("sign") String sign) {
        CourierPushes.Result result = pushes.kuaidi100(param, sign);
        if (result.outcome() == CourierPushes.Outcome.UNREADABLE
                || result.outcome() == CourierPushes.Outcome.BAD_SIGNATURE) {
            // answered result=false, so Kuaidi100 sends it again; the reason is here for whoever looks into it
            Log.warnf("Kuaidi100 push refused (%s): %s", result.outcome(), result.detail());
        }
        return switch (result.outcome()) {
            case STORED ->
                Response.ok(KUAIDI100_OK).type(MediaType.APPLICATION_JSON).build();
            case BAD_SIGNATURE -> kuaidi100Failure(401, "签名验证失败 (sign does not match)");
            case UNREADABLE -> kuaidi100Failure(400, "推送内容无法解析 (" + result.detail() + ")");
            case UNKNOWN_PARCEL -> kuaidi100Failure(404, "未知运单 (" + result.detail() + ")");
        };
    }

    private static Response kuaidi100Failure(int status, String message) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON)
                .entity(Map.of("result", false, "returnCode", String.valueOf(status), "message", message))
                .build();
    }

    @POST
    @Path("/generic")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Generic signed JSON push",
            description =
                    "Headers X-Signature-Timestamp: the signing time in whole seconds since the epoch (UTC), and X-Signature: "
                            + "sha256=<hex of HMAC-SHA256(secret, timestamp + \".\" + raw body)>. A timestamp more than 5 minutes from our clock "
                            + "(logistics.generic-push.replay-window) is refused, so a captured push cannot be replayed later. Scans already "
                            + "stored (retries, repeated histories) are stored once; each new one publishes parcel.scanned.v1 for every shop's "
                            + "shipment with that courier and tracking number. A scan dated more than an hour ahead of our clock is refused "
                            + "(400, naming it).")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = GenericPush.class),
                            examples = @ExampleObject(name = "weighed at the last station", value = """
            {"courier": "STO", "trackingNumber": "773012345678", "scans": [
              {"station": "沈阳转运中心", "scannedAt": "2026-11-22T06:10:00+08:00", "status": "IN_TRANSIT", "weightGrams": 900}]}""")))
    @APIResponse(
            responseCode = "200",
            description = "Stored: how many scans were new",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "400", description = "Signed, but not a valid push")
    @APIResponse(
            responseCode = "401",
            description =
                    "Missing or wrong signature, or a timestamp outside the replay window; nothing read or stored")
    @APIResponse(responseCode = "404", description = "No shipment with that courier and tracking number")
    public Map<String, Object> generic(
            byte[] body,
            @HeaderParam("X-Signature") String signature,
            @HeaderParam("X-Signature-Timestamp") String timestamp) {
        String refusal = pushes.genericSignatureRefusal(body == null ? new byte[0] : body, signature, timestamp);
        if (refusal != null) {
            throw new ProblemException(401, "urn:winback:problem:bad-signature", "Bad signature", refusal);
        }
        GenericPush push;
        try {
            push = json.readValue(body, GenericPush.class);
        } catch (JsonProcessingException e) {
            throw new InvalidRequestProblem(List.of(ProblemMappers.violationOf(e)));
        } catch (java.io.IOException e) {
            throw new InvalidRequestProblem("body", "could not be read");
        }
        if (push == null) {
            throw new InvalidRequestProblem("body", "must be a push object");
        }
        Set<ConstraintViolation<GenericPush>> violations = validator.validate(push);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        List<Problem.Violation> ahead = new ArrayList<>();
        for (int i = 0; i < push.scans().size(); i++) {
            if (times.tooFarAhead(push.scans().get(i).scannedAt().toInstant())) {
                ahead.add(new Problem.Violation("scans[" + i + "].scannedAt", times.refusal()));
            }
        }
        if (!ahead.isEmpty()) {
            throw new InvalidRequestProblem(ahead);
        }
        List<IncomingScan> scans = push.scans().stream()
                .map(s -> new IncomingScan(
                        s.station(), s.scannedAt().toInstant(), s.status(), s.weightGrams(), s.description()))
                .toList();
        CourierPushes.Result result =
                pushes.generic(push.courier(), push.trackingNumber().strip(), scans);
        if (result.outcome() == CourierPushes.Outcome.UNKNOWN_PARCEL) {
            throw new ProblemException(404, "urn:winback:problem:not-found", "Parcel not found", result.detail());
        }
        return Map.of("received", scans.size(), "added", result.added());
    }
}
