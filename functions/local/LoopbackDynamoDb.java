import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.net.InetSocketAddress;
import java.nio.channels.NetworkChannel;
import java.util.Arrays;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

/**
 * DynamoDB Local bound to one address. The jar has no host flag and its Jetty connector listens on
 * every interface, so this builds the server as the jar's own main does, sets the connector's host
 * (DynamoDBProxyServer keeps Jetty in a private field), then starts it.
 *
 * <p>Usage: {@code java -cp "DynamoDBLocal.jar:DynamoDBLocal_lib/*" LoopbackDynamoDb.java <host>
 * <DynamoDB Local arguments>}. Once it accepts connections it prints one line on stdout, {@code
 * listening <address> <port>}, read from the bound socket itself. It exits when its stdin closes,
 * so it never outlives the process that started it.
 */
public class LoopbackDynamoDb {
  public static void main(String[] argv) throws Exception {
    String host = argv[0];
    PrintStream report = System.out;
    // the jar prints its configuration on stdout; stdout is for the one line above
    System.setOut(new PrintStream(OutputStream.nullOutputStream()));
    DynamoDBProxyServer proxy =
        ServerRunner.createServerFromCommandLineArgs(Arrays.copyOfRange(argv, 1, argv.length));
    Field field = DynamoDBProxyServer.class.getDeclaredField("server");
    field.setAccessible(true);
    Server jetty = (Server) field.get(proxy);
    Connector[] connectors = jetty.getConnectors();
    if (connectors.length != 1 || !(connectors[0] instanceof ServerConnector)) {
      fail("unexpected Jetty connectors " + Arrays.toString(connectors) + ": cannot bind to " + host);
    }
    ServerConnector connector = (ServerConnector) connectors[0];
    connector.setHost(host);

    Thread watchdog =
        new Thread(
            () -> {
              try {
                while (System.in.read() != -1) {}
              } catch (Exception ignored) {
                // a broken pipe means the parent is gone too
              }
              System.exit(0);
            },
            "parent-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();

    try {
      proxy.start(); // Jetty 12 throws on a taken port; older versions logged and stopped
    } catch (Exception e) {
      fail("cannot listen on " + host + ": " + e.getMessage());
    }
    if (!connector.isStarted() || !(connector.getTransport() instanceof NetworkChannel channel)) {
      fail("DynamoDB Local did not start on " + host);
      return;
    }
    InetSocketAddress bound = (InetSocketAddress) channel.getLocalAddress();
    report.println("listening " + bound.getAddress().getHostAddress() + " " + bound.getPort());
    report.flush();
    jetty.join();
  }

  private static void fail(String message) {
    System.err.println(message);
    System.exit(1);
  }
}
