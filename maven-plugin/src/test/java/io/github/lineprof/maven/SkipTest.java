package io.github.lineprof.maven;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** {@code lineprof.skip} has one owner: every goal of the plugin's descriptor inherits it. */
class SkipTest {
  @Test
  void everyGoalIsALineprofMojo() throws Exception {
    List<String> goals = new ArrayList<>();
    try (InputStream in = SkipTest.class.getResourceAsStream("/META-INF/maven/plugin.xml")) {
      assertThat(in).isNotNull();
      NodeList mojos =
          DocumentBuilderFactory.newInstance()
              .newDocumentBuilder()
              .parse(in)
              .getElementsByTagName("mojo");
      for (int i = 0; i < mojos.getLength(); i++) {
        Element mojo = (Element) mojos.item(i);
        String implementation =
            mojo.getElementsByTagName("implementation").item(0).getTextContent();
        goals.add(mojo.getElementsByTagName("goal").item(0).getTextContent());
        assertWithMessage(implementation)
            .that(AbstractLineprofMojo.class.isAssignableFrom(Class.forName(implementation)))
            .isTrue();
      }
    }
    assertThat(goals).contains("check");
  }
}
