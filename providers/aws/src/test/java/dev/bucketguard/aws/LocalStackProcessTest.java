package dev.bucketguard.aws;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The LocalStack scenarios against LocalStack as a plain process on 127.0.0.1, started by the build itself. */
@ExtendWith(LocalStackServer.class)
class LocalStackProcessTest extends LocalStackScenarios {
    @Override
    URI endpoint() {
        return LocalStackServer.endpoint();
    }

    @Test
    void listensOnLoopbackOnlyNotOnTheMachinesOtherAddresses() throws SocketException {
        // LocalStack's own server would listen on 0.0.0.0 whatever GATEWAY_LISTEN says; the launcher binds 127.0.0.1.
        Optional<InetAddress> other = NetworkInterface.networkInterfaces().filter(this::up)
                .flatMap(NetworkInterface::inetAddresses)
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress())
                .findFirst();
        assumeTrue(other.isPresent(), "this machine has no IPv4 address but loopback");
        int port = endpoint().getPort();
        assertThrows(IOException.class, () -> {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(other.get(), port), 2000);
            }
        }, "LocalStack answers on " + other.get().getHostAddress() + ":" + port);
    }

    private boolean up(NetworkInterface i) {
        try {
            return i.isUp();
        } catch (SocketException e) {
            return false;
        }
    }
}
