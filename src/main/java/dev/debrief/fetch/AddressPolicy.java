package dev.debrief.fetch;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which addresses a fetch may connect to. Everything that is not a globally routed unicast address
 * is refused, each with a reason a user can read:
 *
 * <ul>
 *   <li>IPv4: 0.0.0.0/8 ("this network", RFC 6890), 127/8 loopback (RFC 1122), 10/8, 172.16/12,
 *       192.168/16 private (RFC 1918), 100.64/10 shared address space / CGNAT (RFC 6598),
 *       169.254/16 link-local (RFC 3927) and 169.254.169.254 cloud metadata, 224/4 multicast (RFC
 *       5771), 240/4 reserved and 255.255.255.255 broadcast (RFC 1112, RFC 919);
 *   <li>IPv6 (RFC 4291): :: unspecified, ::1 loopback, fe80::/10 link-local, fec0::/10 site-local
 *       (deprecated by RFC 3879), fc00::/7 unique-local (RFC 4193) and fd00:ec2::254 (AWS
 *       metadata), ff00::/8 multicast; and IPv4 addresses embedded in IPv4-mapped ::ffff:0:0/96,
 *       IPv4-compatible ::/96, NAT64 64:ff9b::/96 (RFC 6052) and 6to4 2002::/16 (RFC 3056)
 *       addresses are checked as IPv4.
 * </ul>
 *
 * Host names of cloud metadata services ({@code metadata.google.internal}, {@code metadata}) are
 * refused by name, before any lookup, and cannot be allow-listed.
 */
public final class AddressPolicy {
  private static final Set<String> METADATA_HOSTS = Set.of("metadata.google.internal", "metadata");

  private AddressPolicy() {}

  /** Why a host name is refused before resolution (cloud metadata names), or empty. */
  public static Optional<String> blockedName(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    if (h.endsWith(".")) {
      h = h.substring(0, h.length() - 1);
    }
    return METADATA_HOSTS.contains(h) ? Optional.of("a cloud metadata host") : Optional.empty();
  }

  /**
   * Why an address must not be connected to, as a noun phrase ("a private address"), or empty when
   * it is a public unicast address.
   */
  public static Optional<String> blockedReason(InetAddress address) {
    byte[] b = address.getAddress();
    if (address instanceof Inet4Address) {
      return ipv4(b);
    }
    if (address instanceof Inet6Address && b.length == 16) {
      return ipv6(b);
    }
    return Optional.of("an address of an unknown kind");
  }

  /** True when the address is cloud metadata (refused even for allow-listed hosts). */
  public static boolean isMetadata(InetAddress address) {
    return blockedReason(address).filter(r -> r.contains("metadata")).isPresent();
  }

  private static Optional<String> ipv4(byte[] b) {
    int a0 = b[0] & 0xFF;
    int a1 = b[1] & 0xFF;
    int a2 = b[2] & 0xFF;
    int a3 = b[3] & 0xFF;
    if (a0 == 0) return Optional.of("a \"this network\" address (0.0.0.0/8)");
    if (a0 == 127) return Optional.of("a loopback address");
    if (a0 == 10 || (a0 == 172 && a1 >= 16 && a1 <= 31) || (a0 == 192 && a1 == 168)) {
      return Optional.of("a private address");
    }
    if (a0 == 100 && a1 >= 64 && a1 <= 127)
      return Optional.of("a carrier-grade NAT address (100.64.0.0/10)");
    if (a0 == 169 && a1 == 254 && a2 == 169 && a3 == 254)
      return Optional.of("the cloud metadata address");
    if (a0 == 169 && a1 == 254) return Optional.of("a link-local address");
    if (a0 >= 224 && a0 <= 239) return Optional.of("a multicast address");
    if (a0 == 255 && a1 == 255 && a2 == 255 && a3 == 255)
      return Optional.of("the broadcast address");
    if (a0 >= 240) return Optional.of("a reserved address (240.0.0.0/4)");
    return Optional.empty();
  }

  private static Optional<String> ipv6(byte[] b) {
    boolean first10Zero = true;
    for (int i = 0; i < 10; i++) {
      first10Zero &= b[i] == 0;
    }
    if (first10Zero && b[10] == 0 && b[11] == 0) {
      boolean restZero = b[12] == 0 && b[13] == 0 && b[14] == 0;
      if (restZero && b[15] == 0) return Optional.of("the unspecified address");
      if (restZero && b[15] == 1) return Optional.of("a loopback address");
      return embedded(b, 12, "IPv4-compatible");
    }
    if (first10Zero && (b[10] & 0xFF) == 0xFF && (b[11] & 0xFF) == 0xFF) {
      return embedded(b, 12, "IPv4-mapped");
    }
    if (b[0] == 0 && b[1] == 0x64 && (b[2] & 0xFF) == 0xFF && (b[3] & 0xFF) == 0x9B) {
      boolean zero = true;
      for (int i = 4; i < 12; i++) {
        zero &= b[i] == 0;
      }
      if (zero) return embedded(b, 12, "NAT64");
    }
    if (b[0] == 0x20 && b[1] == 0x02) {
      return embedded(b, 2, "6to4");
    }
    int b0 = b[0] & 0xFF;
    int b1 = b[1] & 0xFF;
    if (b0 == 0xFD && b1 == 0x00 && (b[2] & 0xFF) == 0x0E && (b[3] & 0xFF) == 0xC2) {
      boolean metadata = (b[14] & 0xFF) == 0x02 && (b[15] & 0xFF) == 0x54;
      for (int i = 4; i < 14; i++) {
        metadata &= b[i] == 0;
      }
      if (metadata) return Optional.of("the cloud metadata address");
    }
    if ((b0 & 0xFE) == 0xFC) return Optional.of("a unique-local address (fc00::/7)");
    if (b0 == 0xFE && (b1 & 0xC0) == 0x80) return Optional.of("a link-local address");
    if (b0 == 0xFE && (b1 & 0xC0) == 0xC0) return Optional.of("a site-local address");
    if (b0 == 0xFF) return Optional.of("a multicast address");
    return Optional.empty();
  }

  private static Optional<String> embedded(byte[] b, int at, String kind) {
    byte[] v4 = {b[at], b[at + 1], b[at + 2], b[at + 3]};
    try {
      InetAddress inner = InetAddress.getByAddress(v4);
      return ipv4(v4).map(r -> r + " (" + kind + " " + inner.getHostAddress() + ")");
    } catch (UnknownHostException e) {
      return Optional.of("an address of an unknown kind");
    }
  }
}
