package shop.winback.ticket;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import shop.winback.platform.privacy.PersonalData;
import shop.winback.testing.SecurityMatrix;
import shop.winback.testing.TestTokens;
import shop.winback.ticket.domain.Rating;
import shop.winback.ticket.messaging.in.ReviewReceivedV1;
import shop.winback.ticket.service.TicketDesk;

/** Who may call what: every endpoint × every role, the refused tokens, shop scoping, the buyer's contact. */
@QuarkusTest
class TicketSecurityTests {

    @Inject
    TicketDesk desk;

    @Inject
    PersonalData personalData;

    /** A shop with one online recovery agent who holds one ticket. */
    record Scene(String shop, UUID agent, UUID ticket, String buyer) {
        String tokenFor(String role) {
            return role.equals("agent")
                    ? TestTokens.agent(shop, agent, "REVIEW_RECOVERY")
                    : TestTokens.token(shop, role, Set.of(role));
        }
    }

    Scene scene() {
        return scene(null);
    }

    Scene scene(ReviewReceivedV1.Buyer buyer) {
        String shop = TestData.uniqueShop();
        UUID agent = UUID.fromString(TestData.hire(shop, "小王", "REVIEW_RECOVERY", 5, "ONLINE"));
        ReviewReceivedV1 review = TestData.review(shop, Rating.BAD);
        if (buyer != null) {
            review = new ReviewReceivedV1(
                    review.reviewId(),
                    shop,
                    review.platformReviewId(),
                    review.orderId(),
                    review.item(),
                    buyer,
                    review.orderAmountFen(),
                    review.distinctItems(),
                    review.rating(),
                    review.createdAt(),
                    null);
        }
        UUID ticket = TestData.receive(desk, review).id;
        return new Scene(shop, agent, ticket, review.buyer().id());
    }

    enum Endpoint {
        HIRE_AGENT(Set.of("supervisor", "manager")) {
            Response call(RequestSpecification r, Scene s) {
                return r.contentType(ContentType.JSON)
                        .body("{\"shopId\": \"" + s.shop()
                                + "\", \"name\": \"新人\", \"tier\": \"AFTER_SALES\", \"capacity\": 3}")
                        .post("/api/v1/agents");
            }
        },
        LIST_AGENTS(Set.of("supervisor", "manager", "reporting")) {
            Response call(RequestSpecification r, Scene s) {
                return r.get("/api/v1/agents");
            }
        },
        GET_AGENT(Set.of("agent", "supervisor", "manager", "reporting")) {
            Response call(RequestSpecification r, Scene s) {
                return r.get("/api/v1/agents/" + s.agent());
            }
        },
        CHANGE_AGENT(Set.of("agent", "supervisor", "manager")) {
            Response call(RequestSpecification r, Scene s) {
                return r.contentType(ContentType.JSON)
                        .body("{\"status\": \"AWAY\"}")
                        .patch("/api/v1/agents/" + s.agent());
            }
        },
        LIST_TICKETS(Set.of("agent", "supervisor", "manager", "reporting")) {
            Response call(RequestSpecification r, Scene s) {
                return r.get("/api/v1/tickets");
            }
        },
        GET_TICKET(Set.of("agent", "supervisor", "manager", "reporting")) {
            Response call(RequestSpecification r, Scene s) {
                return r.get("/api/v1/tickets/" + s.ticket());
            }
        },
        RESOLVE_TICKET(Set.of("agent", "supervisor", "manager")) {
            Response call(RequestSpecification r, Scene s) {
                return r.contentType("application/json")
                        .body("{\"outcome\": \"EXPLAINED\"}")
                        .post("/api/v1/tickets/" + s.ticket() + "/resolution");
            }
        },
        LOG_CONTACT(Set.of("agent", "supervisor", "manager")) {
            Response call(RequestSpecification r, Scene s) {
                return r.contentType("application/json")
                        .body("{\"channel\": \"IM\", \"outcome\": \"NO_ANSWER\"}")
                        .post("/api/v1/tickets/" + s.ticket() + "/contacts");
            }
        },
        REASSIGN_TICKET(Set.of("agent", "supervisor", "manager")) {
            Response call(RequestSpecification r, Scene s) {
                String colleague = TestData.hire(s.shop(), "小李", "REVIEW_RECOVERY", 5, "ONLINE");
                return r.contentType("application/json")
                        .body("{\"agentId\": \"" + colleague + "\"}")
                        .post("/api/v1/tickets/" + s.ticket() + "/reassignment");
            }
        },
        REPORT_PRESENCE(Set.of("integration")) {
            Response call(RequestSpecification r, Scene s) {
                return r.contentType("application/json")
                        .body("{\"online\": true}")
                        .put("/api/v1/buyers/" + s.buyer() + "/presence");
            }
        },
        READ_SETTINGS(Set.of("agent", "supervisor", "manager", "reporting")) {
            Response call(RequestSpecification r, Scene s) {
                return r.get("/api/v1/ticket-settings");
            }
        },
        WRITE_SETTINGS(Set.of("supervisor", "manager")) {
            Response call(RequestSpecification r, Scene s) {
                return r.contentType("application/json")
                        .body("{\"callsPerBuyerPerDay\": 3}")
                        .put("/api/v1/ticket-settings");
            }
        },
        HAND_OVER(Set.of("supervisor", "manager")) {
            Response call(RequestSpecification r, Scene s) {
                return r.post("/api/v1/handovers");
            }
        },
        // the live streams never end: opened, answered (status, headers) and closed
        DESK_EVENTS(Set.of("agent")) {
            Response call(RequestSpecification r, Scene s) {
                return EventStreams.call(r, "/api/v1/desk/events");
            }
        },
        SUPERVISION_EVENTS(Set.of("supervisor", "manager")) {
            Response call(RequestSpecification r, Scene s) {
                return EventStreams.call(r, "/api/v1/supervision/events");
            }
        };

        final Set<String> allowed;

        Endpoint(Set<String> allowed) {
            this.allowed = allowed;
        }

        abstract Response call(RequestSpecification request, Scene scene);
    }

    static Stream<Arguments> everyEndpointAndRole() {
        return SecurityMatrix.everyEndpointAndRole(Endpoint.values());
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("everyEndpointAndRole")
    void eachRoleMayDoOnlyWhatItIsFor(Endpoint endpoint, String role) {
        Scene scene = scene();
        SecurityMatrix.assertAllowedOrForbidden(
                endpoint.call(given().auth().oauth2(scene.tokenFor(role)), scene), endpoint.allowed.contains(role));
    }

    static Stream<Arguments> refusedTokens() {
        return SecurityMatrix.everyEndpointAndRefusedToken(Endpoint.values());
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("refusedTokens")
    void missingExpiredForgedOrShoplessTokensAreUnauthenticated(Endpoint endpoint, String kind) {
        Scene scene = scene();
        SecurityMatrix.assertUnauthenticated(endpoint.call(SecurityMatrix.withRefusedToken(kind, scene.shop()), scene));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("otherShopsResources")
    void anotherShopsAgentOrTicketIsNotFound(Endpoint endpoint) {
        Scene scene = scene();
        String otherShop = TestData.uniqueShop();
        endpoint.call(given().auth().oauth2(TestTokens.manager(otherShop)), scene)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    static Stream<Endpoint> otherShopsResources() {
        return Stream.of(
                Endpoint.GET_AGENT,
                Endpoint.CHANGE_AGENT,
                Endpoint.GET_TICKET,
                Endpoint.RESOLVE_TICKET,
                Endpoint.LOG_CONTACT,
                Endpoint.REASSIGN_TICKET);
    }

    @Test
    void anAgentSeesAndWorksOnlyTheirOwnTickets() {
        Scene scene = scene();
        UUID colleague = UUID.fromString(TestData.hire(scene.shop(), "小李", "REVIEW_RECOVERY", 5, "ONLINE"));
        UUID colleaguesTicket = TestData.receive(desk, TestData.review(scene.shop(), Rating.BAD)).id;
        String me = scene.tokenFor("agent");

        given().auth()
                .oauth2(me)
                .get("/api/v1/tickets")
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].id", equalTo(scene.ticket().toString()));
        given().auth()
                .oauth2(me)
                .queryParam("agentId", colleague.toString())
                .get("/api/v1/tickets")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(me)
                .get("/api/v1/tickets/" + colleaguesTicket)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(me)
                .contentType("application/json")
                .body("{\"outcome\": \"EXPLAINED\"}")
                .post("/api/v1/tickets/" + colleaguesTicket + "/resolution")
                .then()
                .statusCode(404);
        given().auth().oauth2(me).get("/api/v1/agents/" + colleague).then().statusCode(404);
        // presence is theirs to set; capacity is the supervisor's
        given().auth()
                .oauth2(me)
                .contentType(ContentType.JSON)
                .body("{\"capacity\": 50}")
                .patch("/api/v1/agents/" + scene.agent())
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(me)
                .contentType(ContentType.JSON)
                .body("{\"status\": \"ONLINE\"}")
                .patch("/api/v1/agents/" + colleague)
                .then()
                .statusCode(404);
    }

    @Test
    void aSupervisorCannotHireForAnotherShop() {
        Scene scene = scene();
        given().auth()
                .oauth2(TestTokens.supervisor(scene.shop()))
                .contentType(ContentType.JSON)
                .body("{\"shopId\": \"elsewhere\", \"name\": \"x\", \"tier\": \"AFTER_SALES\", \"capacity\": 3}")
                .post("/api/v1/agents")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void theBuyersContactIsClearOnlyForTheirAgentAndSupervisors() {
        String phone = "13812345678";
        String address = "辽宁省沈阳市和平区南京北街 1 号";
        Scene scene = scene(new ReviewReceivedV1.Buyer(
                "buyer-9",
                "辽宁",
                "沈阳",
                PersonalDataMasks.PHONE,
                personalData.seal(phone),
                personalData.seal(address),
                null));
        for (String role : Set.of("agent", "supervisor", "manager")) {
            given().auth()
                    .oauth2(scene.tokenFor(role))
                    .get("/api/v1/tickets/" + scene.ticket())
                    .then()
                    .statusCode(200)
                    .body("buyer.phone", equalTo(phone))
                    .body("buyer.address", equalTo(address));
        }
        given().auth()
                .oauth2(scene.tokenFor("reporting"))
                .get("/api/v1/tickets/" + scene.ticket())
                .then()
                .statusCode(200)
                .body("buyer.phone", equalTo("138****5678"))
                .body("buyer.address", equalTo("辽宁沈阳****"));
    }

    @Test
    void theApiDocumentsTheBearerScheme() {
        given().accept("application/json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body("components.securitySchemes.bearer.scheme", equalTo("bearer"));
    }

    static final class PersonalDataMasks {
        static final String PHONE = "138****5678";
    }
}
