package org.drivesync.faults;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/**
 * A TCP proxy for one request that lets the whole request through, reads the server's whole
 * response, and forwards only its first bytes before cutting the client's connection: a phone
 * losing signal after the server committed, before it read the answer. The proxy keeps the response
 * the client never saw.
 */
public final class CuttingProxy implements AutoCloseable {
  private final ServerSocket listener;
  private final CompletableFuture<byte[]> serverResponse = new CompletableFuture<>();

  CuttingProxy(String targetHost, int targetPort, int forwardBytes) throws IOException {
    listener = new ServerSocket(0);
    Thread thread =
        new Thread(
            () -> {
              try (Socket client = listener.accept();
                  Socket server = new Socket(targetHost, targetPort)) {
                Thread upstream = new Thread(() -> copy(client, server));
                upstream.setDaemon(true);
                upstream.start();
                byte[] response = server.getInputStream().readAllBytes();
                serverResponse.complete(response);
                client
                    .getOutputStream()
                    .write(response, 0, Math.min(forwardBytes, response.length));
                client.getOutputStream().flush();
                client.setSoLinger(
                    true, 0); // reset, as a dropped mobile connection looks to the phone
              } catch (IOException e) {
                serverResponse.completeExceptionally(e);
              }
            },
            "cutting-proxy");
    thread.setDaemon(true);
    thread.start();
  }

  int port() {
    return listener.getLocalPort();
  }

  /** The response the server sent, which the client did not get. */
  byte[] serverResponse() throws Exception {
    return serverResponse.get(60, java.util.concurrent.TimeUnit.SECONDS);
  }

  /** Sends a raw HTTP/1.1 POST with {@code Connection: close}; returns whatever arrived. */
  static byte[] post(int port, String path, String token, byte[] body) {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      String head =
          "POST "
              + path
              + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
              + "Authorization: Bearer "
              + token
              + "\r\nContent-Length: "
              + body.length
              + "\r\nConnection: close\r\n\r\n";
      OutputStream out = socket.getOutputStream();
      out.write(head.getBytes(StandardCharsets.US_ASCII));
      out.write(body);
      out.flush();
      ByteArrayOutputStream received = new ByteArrayOutputStream();
      InputStream in = socket.getInputStream();
      byte[] buffer = new byte[8192];
      try {
        for (int n; (n = in.read(buffer)) > 0; ) {
          received.write(buffer, 0, n);
        }
      } catch (IOException e) {
        // Connection reset: the point of the exercise.
      }
      return received.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void copy(Socket from, Socket to) {
    try {
      from.getInputStream().transferTo(to.getOutputStream());
    } catch (IOException e) {
      // One side closed.
    }
  }

  @Override
  public void close() throws IOException {
    listener.close();
  }

  /**
   * A relay for many requests (a browser's), of which it cuts the answer of the next matching one.
   */
  public static Relay relay(String targetHost, int targetPort) throws IOException {
    return new Relay(targetHost, targetPort);
  }

  /**
   * An HTTP/1.1 relay to the service for a browser: one request per connection (it asks the server
   * to close after each answer, and so the browser), so it knows which request each answer is for.
   * {@link #cutNext} makes it lose the next answer to a request line starting with a prefix, as
   * {@link CuttingProxy} does; {@link #setOffline} refuses connections, as no signal does.
   */
  public static final class Relay implements AutoCloseable {
    private final ServerSocket listener;
    private final String host;
    private final int port;
    private volatile boolean offline;
    private volatile String cutPrefix;
    private final java.util.List<String> requestLines =
        new java.util.concurrent.CopyOnWriteArrayList<>();
    private final java.util.List<byte[]> lostAnswers =
        new java.util.concurrent.CopyOnWriteArrayList<>();

    private Relay(String host, int port) throws IOException {
      this.host = host;
      this.port = port;
      listener = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
      Thread accept =
          new Thread(
              () -> {
                while (!listener.isClosed()) {
                  try {
                    Socket client = listener.accept();
                    Thread t = new Thread(() -> serve(client), "relay");
                    t.setDaemon(true);
                    t.start();
                  } catch (IOException e) {
                    return;
                  }
                }
              },
              "relay-accept");
      accept.setDaemon(true);
      accept.start();
    }

    public int port() {
      return listener.getLocalPort();
    }

    /**
     * Loses the answer (after the server committed it) of the next request whose line starts so.
     */
    public void cutNext(String requestLinePrefix) {
      cutPrefix = requestLinePrefix;
    }

    public void setOffline(boolean offline) {
      this.offline = offline;
    }

    /** Every request line relayed (or refused while offline, marked so), in arrival order. */
    public java.util.List<String> requestLines() {
      return java.util.List.copyOf(requestLines);
    }

    /** The answers the server sent that the browser never got. */
    public java.util.List<byte[]> lostAnswers() {
      return java.util.List.copyOf(lostAnswers);
    }

    private void serve(Socket client) {
      try (client) {
        InputStream in = client.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
          head.write(b);
          byte[] h = head.toByteArray();
          int n = h.length;
          if (n >= 4
              && h[n - 4] == '\r'
              && h[n - 3] == '\n'
              && h[n - 2] == '\r'
              && h[n - 1] == '\n') {
            break;
          }
        }
        if (b == -1) {
          return;
        }
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        if (offline) {
          requestLines.add("offline " + lines[0]);
          client.setSoLinger(true, 0);
          return;
        }
        requestLines.add(lines[0]);
        StringBuilder rewritten = new StringBuilder(lines[0]).append("\r\n");
        int length = 0;
        for (int i = 1; i < lines.length; i++) {
          String lower = lines[i].toLowerCase(java.util.Locale.ROOT);
          if (lower.startsWith("connection:")
              || lower.startsWith("keep-alive:")
              || lower.startsWith("upgrade:")
              || lower.startsWith("http2-settings:")) {
            continue;
          }
          if (lower.startsWith("content-length:")) {
            length = Integer.parseInt(lines[i].substring(15).trim());
          }
          rewritten.append(lines[i]).append("\r\n");
        }
        rewritten.append("Connection: close\r\n\r\n");
        byte[] body = in.readNBytes(length);
        try (Socket server = new Socket(host, port)) {
          OutputStream up = server.getOutputStream();
          up.write(rewritten.toString().getBytes(StandardCharsets.ISO_8859_1));
          up.write(body);
          up.flush();
          byte[] answer = server.getInputStream().readAllBytes();
          String prefix = cutPrefix;
          if (prefix != null && lines[0].startsWith(prefix)) {
            cutPrefix = null;
            lostAnswers.add(answer);
            client.setSoLinger(
                true, 0); // a reset, as a dropped mobile connection looks to the phone
            return;
          }
          client.getOutputStream().write(answer);
          client.getOutputStream().flush();
        }
      } catch (IOException e) {
        // the browser gave up on this connection: nothing to relay
      }
    }

    @Override
    public void close() throws IOException {
      listener.close();
    }
  }
}
