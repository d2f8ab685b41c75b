package dev.slowfast.rules.json;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.io.IOContext;
import tools.jackson.core.io.InputDecorator;

/**
 * Lets only well-formed UTF-8 (RFC 3629) reach Jackson's parser. Jackson's own decoding is lenient:
 * it accepts overlong forms and sequences above U+10FFFF and stores them changed (as "?" or not at
 * all), which would break "never a changed row". The JDK's decoder rejects all of them; request
 * bodies are at most 64 KiB, so checking them whole costs little.
 */
final class StrictUtf8 extends InputDecorator {

    private static final long serialVersionUID = 1L;

    @Override
    public InputStream decorate(IOContext context, byte[] source, int offset, int length) {
        requireWellFormed(source, offset, length);
        return new ByteArrayInputStream(source, offset, length);
    }

    @Override
    public InputStream decorate(IOContext context, InputStream in) {
        byte[] body;
        try {
            body = in.readAllBytes(); // the body limit is enforced before the mapper sees it
        } catch (IOException e) {
            throw JacksonIOException.construct(e);
        }
        return decorate(context, body, 0, body.length);
    }

    @Override
    public Reader decorate(IOContext context, Reader reader) {
        return reader; // already characters: nothing to decode
    }

    private static void requireWellFormed(byte[] source, int offset, int length) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(source, offset, length));
        } catch (CharacterCodingException e) {
            throw new NotUtf8Exception();
        }
    }

    /** The body is not UTF-8: worded by {@link JsonComplaints} as the contract's 400. */
    static final class NotUtf8Exception extends tools.jackson.core.exc.StreamReadException {

        private static final long serialVersionUID = 1L;

        NotUtf8Exception() {
            super((tools.jackson.core.JsonParser) null, "request body is not well-formed UTF-8");
        }
    }
}
