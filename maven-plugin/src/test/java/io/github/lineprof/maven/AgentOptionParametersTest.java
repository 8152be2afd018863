package io.github.lineprof.maven;

import static com.google.common.truth.Truth.assertWithMessage;

import io.github.lineprof.internal.option.Option;
import io.github.lineprof.internal.option.Option.Launcher;
import io.github.lineprof.internal.option.OptionTable;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The prepare goals take exactly the options the table marks as the plugin's, each as a parameter
 * of its name with the property {@code lineprof.NAME}: read from the plugin descriptor Maven uses.
 */
class AgentOptionParametersTest {
  private static final List<String> OPTIONS =
      OptionTable.OPTIONS.stream().map(Option::name).toList();

  @Test
  void thePrepareGoalsTakeThePluginsOptionsOfTheTableAndNoOther() throws Exception {
    List<String> plugin = OptionTable.of(Launcher.PLUGIN).stream().map(Option::name).toList();
    Document descriptor =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(new File("target/classes/META-INF/maven/plugin.xml"));
    for (String goal : List.of("prepare-agent", "prepare-agent-integration")) {
      Element mojo = mojo(descriptor, goal);
      assertWithMessage("the options among %s's parameters", goal)
          .that(optionParameters(mojo))
          .containsExactlyElementsIn(plugin);
      for (String option : plugin) {
        assertWithMessage("%s's property for %s", goal, option)
            .that(property(mojo, option))
            .isEqualTo("${lineprof." + option + "}");
      }
    }
  }

  private static Element mojo(Document descriptor, String goal) {
    NodeList mojos = descriptor.getElementsByTagName("mojo");
    for (int i = 0; i < mojos.getLength(); i++) {
      Element mojo = (Element) mojos.item(i);
      if (text(mojo, "goal").equals(goal)) {
        return mojo;
      }
    }
    throw new AssertionError("plugin.xml has no goal " + goal);
  }

  private static List<String> optionParameters(Element mojo) {
    List<String> names = new ArrayList<>();
    Element parameters = (Element) mojo.getElementsByTagName("parameters").item(0);
    NodeList list = parameters.getElementsByTagName("parameter");
    for (int i = 0; i < list.getLength(); i++) {
      String name = text((Element) list.item(i), "name");
      // the goals' own report folder, under which the mojo gives each JVM an output of its own
      if (OPTIONS.contains(name) && !name.equals("output")) {
        names.add(name);
      }
    }
    return names;
  }

  /** The parameter's expression, as {@code <configuration><NAME>} holds it. */
  private static String property(Element mojo, String name) {
    Element configuration = (Element) mojo.getElementsByTagName("configuration").item(0);
    return configuration.getElementsByTagName(name).item(0).getTextContent();
  }

  private static String text(Element parent, String child) {
    NodeList children = parent.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      if (children.item(i) instanceof Element e && e.getTagName().equals(child)) {
        return e.getTextContent();
      }
    }
    throw new AssertionError("no <" + child + "> in <" + parent.getTagName() + ">");
  }
}
