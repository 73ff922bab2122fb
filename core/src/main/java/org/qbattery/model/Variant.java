package org.qbattery.model;

/**
 * Which master equation to solve.
 *
 * <ul>
 *   <li>{@link #STATED}: the paper's stated master equation (Eqs. 2–5, 10–12) with Hermitian H_int.</li>
 *   <li>{@link #AS_PRINTED}: the model that reproduces the paper's printed single-cell numbers
 *       (physics.md §6): every decay rate halved (G → G/2, so populations decay as e^{−Γt/2}) plus
 *       pure dephasing γφ = Γ/4 on every cell, so coherences also decay as e^{−Γt/2}. This is
 *       <em>not</em> the paper's stated equation; it explains the paper's figures.</li>
 * </ul>
 */
public enum Variant {
    STATED("stated"),
    AS_PRINTED("as-printed");

    private final String label;

    Variant(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Variant parse(String s) {
        for (Variant v : values()) {
            if (v.label.equalsIgnoreCase(s) || v.name().equalsIgnoreCase(s)) {
                return v;
            }
        }
        throw new InvalidParameterException("variant", "unknown variant \"" + s + "\"; allowed: stated, as-printed");
    }
}
