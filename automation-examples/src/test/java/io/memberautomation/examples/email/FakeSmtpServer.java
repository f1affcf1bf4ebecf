package io.memberautomation.examples.email;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An SMTP server that answers {@code MAIL FROM} with a reply of the test's choosing (a 550 rejection, a 451
 * deferral), or greets nobody at all: the failures a real server is hard to make give on demand.
 */
final class FakeSmtpServer implements AutoCloseable {
    private final ServerSocket socket;
    final List<String> commands = new CopyOnWriteArrayList<>();

    /** Replies {@code mailReply} to MAIL FROM; with {@code greet} false, accepts and never says a word. */
    FakeSmtpServer(String mailReply, boolean greet) throws IOException {
        socket = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        Thread thread = new Thread(() -> serve(mailReply, greet), "fake-smtp");
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    private void serve(String mailReply, boolean greet) {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept()) {
                if (!greet) {
                    client.getInputStream().read();
                    continue;
                }
                OutputStream out = client.getOutputStream();
                BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(),
                        StandardCharsets.US_ASCII));
                write(out, "220 fake.test ESMTP");
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    commands.add(line);
                    String verb = line.split(" ", 2)[0].toUpperCase(Locale.ROOT);
                    switch (verb) {
                        case "EHLO", "HELO" -> write(out, "250 fake.test");
                        case "MAIL" -> write(out, mailReply);
                        case "QUIT" -> {
                            write(out, "221 bye");
                            return;
                        }
                        default -> write(out, "250 ok");
                    }
                }
            } catch (IOException closed) {
                return;
            }
        }
    }

    private static void write(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
