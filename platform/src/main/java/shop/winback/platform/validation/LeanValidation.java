package shop.winback.platform.validation;

import io.quarkus.hibernate.validator.ValidatorFactoryCustomizer;
import jakarta.inject.Singleton;
import jakarta.validation.constraints.Pattern;
import org.hibernate.validator.BaseHibernateValidatorConfiguration;
import org.hibernate.validator.cfg.ConstraintMapping;

/**
 * What validating a request costs, kept to the checks themselves. A batch of reviews is hundreds of
 * objects of a dozen constrained fields each, validated at thousands a second; a profile of
 * review-service under load found a sixth of its CPU in Hibernate Validator, much of it bookkeeping:
 * <ul>
 * <li>no cache of "is this property reachable": {@link ValidateEverything} answers yes at once, yet
 * Hibernate Validator still recorded every answer in a map per validation;</li>
 * <li>{@code @Pattern} checked by {@link PatternCheck}, which names the expression for the message
 * only when the value does not match (the built-in validator builds that map for every value).</li>
 * </ul>
 * The rules and the messages are unchanged.
 */
@Singleton
public class LeanValidation implements ValidatorFactoryCustomizer {

    @Override
    public void customize(BaseHibernateValidatorConfiguration<?> configuration) {
        configuration.enableTraversableResolverResultCache(false);
        ConstraintMapping patterns = configuration.createConstraintMapping();
        patterns.constraintDefinition(Pattern.class)
                .includeExistingValidators(false)
                .validatedBy(PatternCheck.class);
        configuration.addMapping(patterns);
    }
}
