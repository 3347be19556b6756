package org.geotraffic.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The client-field check's character table accepts exactly the characters it always did. */
class ClientFieldTest {
  private static boolean clientChar(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
        || c == '.' || c == ':' || c == '-' || c == '_' || c == '%' || c == '[' || c == ']' || c == ',' || c == ' ';
  }

  @Test
  void everyCharacter_inTheMiddleOfAnAddress() {
    for (int c = 0; c <= Character.MAX_VALUE; c++) {
      char ch = (char) c;
      String s = "10.0." + ch + "1";
      assertEquals(clientChar(ch), ClientField.isPlausible(s), () -> "U+" + Integer.toHexString(ch));
    }
  }

  @Test
  void emptyDashAndLeadingSeparators_areNotClients() {
    assertEquals(false, ClientField.isPlausible(""));
    assertEquals(false, ClientField.isPlausible("-"));
    assertEquals(false, ClientField.isPlausible(",10.0.0.1"));
    assertEquals(false, ClientField.isPlausible(" 10.0.0.1"));
    assertEquals(true, ClientField.isPlausible("10.0.0.1, 2001:db8::1"));
    assertEquals(true, ClientField.isPlausible("host-1.example.de"));
  }
}
