package shop.winback.platform.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.constraints.Pattern;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;

/**
 * {@code @Pattern}, as the built-in validator checks it (the whole value must match, with the
 * annotation's flags), but the expression is given to the message ({@code {regexp}}) only for a
 * value that fails: a valid value costs one match and nothing else. Registered by {@link LeanValidation}.
 */
public class PatternCheck implements ConstraintValidator<Pattern, CharSequence> {

    private java.util.regex.Pattern pattern;
    private String regexpForMessage;

    @Override
    public void initialize(Pattern annotation) {
        int flags = 0;
        for (Pattern.Flag flag : annotation.flags()) {
            flags |= flag.getValue();
        }
        pattern = java.util.regex.Pattern.compile(annotation.regexp(), flags);
        regexpForMessage = escapedForMessage(annotation.regexp());
    }

    @Override
    public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
        if (value == null || pattern.matcher(value).matches()) {
            return true;
        }
        if (context instanceof HibernateConstraintValidatorContext) {
            context.unwrap(HibernateConstraintValidatorContext.class).addMessageParameter("regexp", regexpForMessage);
        }
        return false;
    }

    /** As Hibernate Validator escapes a message parameter: the expression's braces, '$' and '\' stay literal. */
    static String escapedForMessage(String regexp) {
        StringBuilder escaped = new StringBuilder(regexp.length() + 8);
        for (int i = 0; i < regexp.length(); i++) {
            char c = regexp.charAt(i);
            if (c == '{' || c == '}' || c == '$' || c == '\\') {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }
}
