package shop.winback.review.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import shop.winback.platform.problem.InvalidRequestProblem;
import shop.winback.platform.problem.NotFoundProblem;
import shop.winback.platform.security.Caller;
import shop.winback.platform.security.Roles;
import shop.winback.review.reasons.ComplaintReason;
import shop.winback.review.reasons.ReasonLexicon;
import shop.winback.review.service.ComplaintReasons;

/** The shop's own words for complaint reasons, on top of the default lexicon. */
@Path("/api/v1/reason-terms")
@Tag(
        name = "Complaint reasons",
        description = "The lexicon that sorts neutral and bad reviews by what they complain about")
@Produces(MediaType.APPLICATION_JSON)
public class ReasonTermResource {

    private final EntityManager em;
    private final ComplaintReasons reasons;
    private final Caller caller;
    private final Clock clock;

    public ReasonTermResource(EntityManager em, ComplaintReasons reasons, Caller caller, Clock clock) {
        this.em = em;
        this.reasons = reasons;
        this.caller = caller;
        this.clock = clock;
    }

    @Schema(name = "ReasonTerm")
    public record ReasonTerm(
            @Schema(example = "QUALITY_DAMAGE") @NotNull ComplaintReason reason,

            @Schema(example = "脱胶") @NotBlank @Size(max = 50)
            String term) {}

    @GET
    @Operation(
            summary = "The shop's own terms",
            description =
                    "The terms the shop added to the default lexicon, by reason and term; the default lexicon itself is not listed.")
    @RolesAllowed({Roles.SUPERVISOR, Roles.MANAGER, Roles.REPORTING})
    public List<ReasonTerm> list() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "SELECT reason, term FROM reason_term WHERE shop_id = ?1 ORDER BY reason, term", Object[].class)
                .setParameter(1, caller.shopId())
                .getResultList();
        return rows.stream()
                .map(r -> new ReasonTerm(ComplaintReason.valueOf((String) r[0]), (String) r[1]))
                .toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Add a term",
            description = "Reviews captured from now on are classified with it too. "
                    + "A term is one line of at most 50 characters without tabs or control characters; `*` stands for a gap "
                    + "between two parts (`拉链*坏`).")
    @APIResponse(
            responseCode = "201",
            description = "Added; the body is the term as stored",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ReasonTerm.class)))
    @APIResponse(
            responseCode = "200",
            description = "The shop had it already; the body is the term",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ReasonTerm.class)))
    @APIResponse(responseCode = "400", description = "Invalid term")
    @RolesAllowed({Roles.SUPERVISOR, Roles.MANAGER})
    @Transactional
    public Response add(@NotNull @Valid ReasonTerm body) {
        ReasonTerm term = checked(body);
        boolean added = insert(term);
        reasons.forget(caller.shopId());
        return (added ? Response.status(Response.Status.CREATED) : Response.ok())
                .entity(term)
                .build();
    }

    @PUT
    @Path("/{reason}/{term}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Change a term",
            description = "Replaces the shop's term (reason and words in the path) with the one in the body.")
    @APIResponse(responseCode = "200", description = "Changed; the body is the term as stored")
    @APIResponse(responseCode = "400", description = "Invalid term")
    @APIResponse(responseCode = "404", description = "The shop has no such term")
    @RolesAllowed({Roles.SUPERVISOR, Roles.MANAGER})
    @Transactional
    public ReasonTerm change(
            @PathParam("reason") ComplaintReason reason,
            @PathParam("term") String old,
            @NotNull @Valid ReasonTerm body) {
        ReasonTerm term = checked(body);
        if (delete(reason, old) == 0) {
            throw new NotFoundProblem("Reason term", reason + " " + old);
        }
        insert(term);
        reasons.forget(caller.shopId());
        return term;
    }

    @DELETE
    @Path("/{reason}/{term}")
    @Operation(
            summary = "Delete a term",
            description = "Reviews captured from now on are classified without it; stored reviews keep their reasons.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "The shop has no such term")
    @RolesAllowed({Roles.SUPERVISOR, Roles.MANAGER})
    @Transactional
    public void remove(@PathParam("reason") ComplaintReason reason, @PathParam("term") String term) {
        if (delete(reason, term) == 0) {
            throw new NotFoundProblem("Reason term", reason + " " + term);
        }
        reasons.forget(caller.shopId());
    }

    /** The term as it will be stored, or a 400 saying what is wrong with it (the classifier's own rule). */
    private static ReasonTerm checked(ReasonTerm body) {
        if (body.reason() == ComplaintReason.OTHER) {
            throw new InvalidRequestProblem("reason", "OTHER is what matches nothing; name a real reason");
        }
        try {
            return new ReasonTerm(body.reason(), ReasonLexicon.checkedTerm(body.term()));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestProblem("term", e.getMessage());
        }
    }

    private boolean insert(ReasonTerm term) {
        return em.createNativeQuery("""
                        INSERT INTO reason_term (shop_id, reason, term, created_at) VALUES (?1, ?2, ?3, ?4)
                        ON CONFLICT DO NOTHING""")
                        .setParameter(1, caller.shopId())
                        .setParameter(2, term.reason().name())
                        .setParameter(3, term.term())
                        .setParameter(4, Instant.now(clock))
                        .executeUpdate()
                == 1;
    }

    private int delete(ComplaintReason reason, String term) {
        return em.createNativeQuery("DELETE FROM reason_term WHERE shop_id = ?1 AND reason = ?2 AND term = ?3")
                .setParameter(1, caller.shopId())
                .setParameter(2, reason.name())
                .setParameter(3, term)
                .executeUpdate();
    }
}
