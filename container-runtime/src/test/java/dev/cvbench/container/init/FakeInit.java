package dev.cvbench.container.init;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

/** Plays cvinit's side of the sync protocol for InitSessionTest; behaviour chosen by FAKE_INIT. */
public final class FakeInit {
    private FakeInit() {}

    public static void main(String[] args) throws Exception {
        String mode = System.getenv().getOrDefault("FAKE_INIT", "ok");
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.connect(UnixDomainSocketAddress.of(args[0]));
            BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(ch), StandardCharsets.UTF_8));
            OutputStream out = Channels.newOutputStream(ch);
            int lines = 0;
            for (String l = in.readLine(); l != null && !l.equals("END"); l = in.readLine()) {
                lines++;
            }
            switch (mode) {
                case "error" -> send(out, "ERROR {\"stage\":\"pivot_root\",\"errno\":22,\"message\":\"pivot_root /x: Invalid argument\"}");
                case "silent" -> Thread.sleep(10_000);
                case "exit" -> System.exit(125);
                default -> {
                    send(out, "READY_FOR_CGROUP " + (1000 + lines));
                    expect(in, "CGROUP_DONE");
                    send(out, "NETNS_READY");
                    expect(in, "NETWORK_DONE");
                    send(out, "READY_TO_EXEC");
                    expect(in, "CREATED");
                }
            }
        }
    }

    private static void send(OutputStream out, String line) throws Exception {
        out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void expect(BufferedReader in, String type) throws Exception {
        String l = in.readLine();
        if (!type.equals(l)) {
            System.exit(3);
        }
    }
}
