package dev.debrief.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** Resolves a host name to addresses. Injectable so tests never perform real DNS lookups. */
@FunctionalInterface
public interface HostResolver {
  /**
   * @param host a host name or an IP literal (IPv6 without brackets)
   * @return at least one address
   * @throws UnknownHostException when the name does not resolve
   */
  List<InetAddress> resolve(String host) throws UnknownHostException;

  /** The system resolver ({@link InetAddress#getAllByName(String)}). */
  HostResolver SYSTEM = host -> List.of(InetAddress.getAllByName(host));
}
