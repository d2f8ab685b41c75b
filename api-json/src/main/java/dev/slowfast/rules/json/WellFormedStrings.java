package dev.slowfast.rules.json;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Strings must be well-formed Unicode: JSON lets {@code "\ud800"} escape half a surrogate pair, which
 * no database text column can hold (PostgreSQL would store "?"), so such a string is refused as
 * malformed input, like invalid UTF-8, instead of being stored changed.
 */
final class WellFormedStrings extends StringDeserializer {

    private static final long serialVersionUID = 1L;

    static SimpleModule module() {
        return new SimpleModule("slowfast-well-formed-strings").addDeserializer(String.class, new WellFormedStrings());
    }

    @Override
    public String deserialize(JsonParser p, DeserializationContext context) {
        String value = super.deserialize(p, context);
        if (value != null && !wellFormed(value)) {
            throw new LoneSurrogateException(p);
        }
        return value;
    }

    static boolean wellFormed(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++; // a proper pair
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** Half a surrogate pair in a string: worded by {@link JsonComplaints} as the contract's 400. */
    static final class LoneSurrogateException extends tools.jackson.core.exc.StreamReadException {

        private static final long serialVersionUID = 1L;

        LoneSurrogateException(JsonParser p) {
            super(p, "string holds half a surrogate pair");
        }
    }
}
