package shop.winback.platform.validation;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.Set;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.HibernateValidatorConfiguration;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

class LeanValidationTests {

    record Parcel(
            @Pattern(regexp = "^\\d{3}\\$?$") String code,

            @Pattern(regexp = "^[a-z]+$", flags = Pattern.Flag.CASE_INSENSITIVE, message = "letters only")
            String name) {}

    private static Validator validator(boolean lean) {
        HibernateValidatorConfiguration configuration = Validation.byProvider(HibernateValidator.class)
                .configure()
                .messageInterpolator(new ParameterMessageInterpolator())
                .traversableResolver(new ValidateEverything());
        if (lean) {
            new LeanValidation().customize(configuration);
        }
        return configuration.buildValidatorFactory().getValidator();
    }

    private static List<String> messages(Validator validator, Parcel parcel) {
        Set<ConstraintViolation<Parcel>> violations = validator.validate(parcel);
        return violations.stream()
                .map(v -> v.getPropertyPath() + ": " + v.getMessage())
                .sorted()
                .toList();
    }

    @Test
    void a_matching_value_and_a_missing_one_are_valid() {
        assertThat(messages(validator(true), new Parcel("123", "Parcel"))).isEmpty();
        assertThat(messages(validator(true), new Parcel(null, null))).isEmpty();
    }

    @Test
    void a_value_that_does_not_match_fails_with_the_message_the_built_in_validator_gives() {
        Parcel wrong = new Parcel("12a", "parcel 7");

        assertThat(messages(validator(true), wrong))
                .containsExactly("code: must match \"^\\d{3}\\$?$\"", "name: letters only")
                .isEqualTo(messages(validator(false), wrong));
    }

    @Test
    void the_whole_value_must_match_with_the_annotations_flags() {
        assertThat(messages(validator(true), new Parcel("1234", "PARCEL")))
                .containsExactly("code: must match \"^\\d{3}\\$?$\"");
    }

    @Test
    void the_expression_is_escaped_for_the_message_as_hibernate_validator_does() {
        assertThat(PatternCheck.escapedForMessage("^\\d{3}$")).isEqualTo("^\\\\d\\{3\\}\\$");
    }
}
