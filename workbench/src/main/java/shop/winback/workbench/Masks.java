package shop.winback.workbench;

/** Personal data as pages show it. */
final class Masks {

    private Masks() {}

    /** 13812345678 → 138****5678; an already masked or short number keeps only what is safe. */
    static String phone(String phone) {
        if (phone == null || phone.isBlank()) {
            return "";
        }
        String digits = phone.strip();
        if (digits.length() < 7) {
            return "****";
        }
        return digits.substring(0, 3) + "****" + digits.substring(digits.length() - 4);
    }
}
