package dev.debrief.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AddressPolicyTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "127.0.0.1|a loopback address",
        "127.255.0.9|a loopback address",
        "10.0.0.5|a private address",
        "172.16.0.1|a private address",
        "172.31.255.255|a private address",
        "172.32.0.1|",
        "192.168.0.1|a private address",
        "169.254.169.254|the cloud metadata address",
        "169.254.1.1|a link-local address",
        "100.64.0.1|a carrier-grade NAT address (100.64.0.0/10)",
        "100.127.255.255|a carrier-grade NAT address (100.64.0.0/10)",
        "100.128.0.1|",
        "0.0.0.0|a \"this network\" address (0.0.0.0/8)",
        "224.0.0.1|a multicast address",
        "255.255.255.255|the broadcast address",
        "240.0.0.1|a reserved address (240.0.0.0/4)",
        "93.184.216.34|",
        "::|the unspecified address",
        "::1|a loopback address",
        "fe80::1|a link-local address",
        "fc00::1|a unique-local address (fc00::/7)",
        "fd00:ec2::254|the cloud metadata address",
        "fd00:ec2::255|a unique-local address (fc00::/7)",
        "ff02::1|a multicast address",
        "::10.0.0.1|a private address (IPv4-compatible 10.0.0.1)",
        "64:ff9b::a9fe:a9fe|the cloud metadata address (NAT64 169.254.169.254)",
        "2002:c0a8:0101::1|a private address (6to4 192.168.1.1)",
        "2002:5db8:d822::1|",
        "2606:4700::1111|",
      })
  void classifies(String address, String reason) throws Exception {
    assertEquals(
        Optional.ofNullable(reason), AddressPolicy.blockedReason(InetAddress.getByName(address)));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "127.0.0.1|a loopback address (IPv4-mapped 127.0.0.1)",
        "10.9.8.7|a private address (IPv4-mapped 10.9.8.7)",
        "169.254.169.254|the cloud metadata address (IPv4-mapped 169.254.169.254)",
      })
  void ipv4MappedIpv6IsCheckedAsIpv4(String v4, String reason) throws Exception {
    byte[] b = new byte[16];
    b[10] = (byte) 0xFF;
    b[11] = (byte) 0xFF;
    System.arraycopy(InetAddress.getByName(v4).getAddress(), 0, b, 12, 4);
    // Inet6Address.getByAddress keeps the IPv6 form (InetAddress.getByAddress would unwrap it to
    // IPv4).
    assertEquals(
        Optional.of(reason), AddressPolicy.blockedReason(Inet6Address.getByAddress(null, b, -1)));
  }
}
