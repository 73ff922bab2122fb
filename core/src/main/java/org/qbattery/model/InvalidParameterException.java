package org.qbattery.model;

/**
 * A parameter outside its allowed range. {@link #parameter()} is the option's name as users type
 * it on the command line (without dashes), so every face can report it in one line.
 */
public final class InvalidParameterException extends IllegalArgumentException {
    private final String parameter;

    public InvalidParameterException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }

    /** Throws unless {@code value} is finite and ≥ 0. */
    public static double requireNonNegative(String parameter, double value) {
        if (!Double.isFinite(value) || value < 0) {
            throw new InvalidParameterException(parameter, "must be a finite number >= 0, got " + value);
        }
        return value;
    }

    /** Throws unless {@code value} is finite. */
    public static double requireFinite(String parameter, double value) {
        if (!Double.isFinite(value)) {
            throw new InvalidParameterException(parameter, "must be a finite number, got " + value);
        }
        return value;
    }
}
