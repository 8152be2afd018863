package com.example.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class OrderTest {
  private final Order order = Order.builder()
      .customer("ada")
      .items(List.of(Item.of("tea", 3, 2), Item.of("cake", 5, 1), Item.of("jam", 4, 3)))
      .build();

  @Test
  void totals() {
    for (int i = 0; i < 5; i++) {
      assertEquals(23, order.total());
    }
  }

  @Test
  void receipt() {
    assertEquals("ada: 23", order.receipt());
    assertEquals("ada", order.getCustomer());
    assertEquals(3, order.customerBytes().length);
  }
}
