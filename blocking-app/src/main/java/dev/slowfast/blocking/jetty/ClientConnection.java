package dev.slowfast.blocking.jetty;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.io.UncheckedIOException;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.SocketChannelEndPoint;

/**
 * Whether a request's client is still there, asked from a thread that is not reading its connection (queued
 * {@code /cpu} work about to start). While a handler runs, Jetty does not read an HTTP/1.1 connection, so it only
 * learns of a close or a reset when it next reads or writes; this looks without reading: the socket is polled on
 * a private selector, and a socket that is readable with nothing to read ({@code available() == 0}) is at its end
 * (FIN) or reset. Pipelined bytes waiting to be read mean the client is still there, and stay untouched for Jetty.
 */
public final class ClientConnection {

    private static final Selector PROBE = openSelector();

    private ClientConnection() {
    }

    /** True when the client of {@code request} has closed or reset its connection. */
    public static boolean hasGone(HttpServletRequest request) {
        EndPoint endPoint = endPoint(request);
        if (!endPoint.isOpen()) {
            return true;
        }
        return endPoint instanceof SocketChannelEndPoint socket && atEndOrReset(socket.getChannel());
    }

    static EndPoint endPoint(HttpServletRequest request) {
        return ServletContextRequest.getServletContextRequest(request).getConnectionMetaData().getConnection().getEndPoint();
    }

    /** For a socket known to be readable: nothing to read means its end (FIN) or a reset. */
    static boolean nothingToRead(SocketChannel channel) {
        try {
            return channel.socket().getInputStream().available() == 0;
        } catch (IOException e) {
            return true; // a reset shows as an error here
        }
    }

    private static boolean atEndOrReset(SocketChannel channel) {
        try {
            boolean readable;
            synchronized (PROBE) {
                SelectionKey key = channel.register(PROBE, SelectionKey.OP_READ);
                try {
                    PROBE.selectNow();
                    readable = key.isReadable();
                } finally {
                    key.cancel();
                    PROBE.selectNow(); // deregisters the cancelled key, so the channel can be registered again
                }
            }
            return readable && nothingToRead(channel);
        } catch (ClosedChannelException e) {
            return true;
        } catch (IOException e) {
            return true; // a reset shows as an error here
        }
    }

    private static Selector openSelector() {
        try {
            return Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
