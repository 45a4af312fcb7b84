package shop.winback.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.Validation;
import org.junit.jupiter.api.Test;

class EventReaderTests {

    final EventReader reader = new EventReader(
            new ObjectMapper(), Validation.buildDefaultValidatorFactory().getValidator());

    static IncomingEvent event(String data) {
        return new IncomingEvent(
                "e-1", "review.received.v1", "/review-service", null, null, "O-1", data, "reviews.v1", 0, 7L);
    }

    @Test
    void peekingFindsATopLevelFieldPastNestedObjectsAndArraysWithTheSameName() {
        String data = """
                {"buyer": {"rating": "BAD"}, "tags": [{"rating": "BAD"}], "rating": "GOOD", "text": "great"}""";
        assertThat(reader.peekText(event(data), "rating")).isEqualTo("GOOD");
    }

    @Test
    void peekingSaysNothingForAnAbsentFieldAWrongTypeOrUnreadableData() {
        assertThat(reader.peekText(event("{\"text\": \"fine\"}"), "rating")).isNull();
        assertThat(reader.peekText(event("{\"rating\": 5}"), "rating")).isNull();
        assertThat(reader.peekText(event("{\"rating\": "), "rating")).isNull();
        assertThat(reader.peekText(event("[\"GOOD\"]"), "rating")).isNull();
        assertThat(reader.peekText(event("not json"), "rating")).isNull();
    }
}
