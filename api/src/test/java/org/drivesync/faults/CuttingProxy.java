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
 * losing signal after the server committed, before it read the answer. The proxy keeps the
 * response the client never saw.
 */
final class CuttingProxy implements AutoCloseable {
  private final ServerSocket listener;
  private final CompletableFuture<byte[]> serverResponse = new CompletableFuture<>();

  CuttingProxy(String targetHost, int targetPort, int forwardBytes) throws IOException {
    listener = new ServerSocket(0);
    Thread thread = new Thread(() -> {
      try (Socket client = listener.accept(); Socket server = new Socket(targetHost, targetPort)) {
        Thread upstream = new Thread(() -> copy(client, server));
        upstream.setDaemon(true);
        upstream.start();
        byte[] response = server.getInputStream().readAllBytes();
        serverResponse.complete(response);
        client.getOutputStream().write(response, 0, Math.min(forwardBytes, response.length));
        client.getOutputStream().flush();
        client.setSoLinger(true, 0); // reset, as a dropped mobile connection looks to the phone
      } catch (IOException e) {
        serverResponse.completeExceptionally(e);
      }
    }, "cutting-proxy");
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
      String head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
          + "Authorization: Bearer " + token + "\r\nContent-Length: " + body.length
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
}
