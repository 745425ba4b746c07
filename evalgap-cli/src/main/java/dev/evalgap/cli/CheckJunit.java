package dev.evalgap.cli;

import dev.evalgap.check.CheckItem;
import dev.evalgap.check.CheckResult;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * {@code evalgap check --junit FILE}: the checks as JUnit XML (the de-facto schema CI servers read):
 * one {@code testsuite}, one {@code testcase} per check, a {@code failure} with the check's message
 * for a failed check and {@code skipped} for one that could not be evaluated.
 */
final class CheckJunit {

    private CheckJunit() {
    }

    static void write(CheckResult r, Path file) {
        try {
            Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
            Element suite = doc.createElement("testsuite");
            doc.appendChild(suite);
            suite.setAttribute("name", "evalgap check " + r.setName() + " " + r.window());
            suite.setAttribute("tests", Integer.toString(r.checks().size()));
            suite.setAttribute("failures", Long.toString(r.failures()));
            suite.setAttribute("errors", "0");
            suite.setAttribute("skipped", Long.toString(r.skipped()));
            suite.setAttribute("timestamp", r.provenance().computedAt().toString());
            Element properties = doc.createElement("properties");
            suite.appendChild(properties);
            property(doc, properties, "set", r.setName() + " v" + r.setVersion());
            property(doc, properties, "window", r.window());
            property(doc, properties, "releases", String.join(",", r.releases()));
            property(doc, properties, "as_of", r.asOf().toString());
            property(doc, properties, "seed", Long.toString(r.seed()));
            property(doc, properties, "evalgap", r.provenance().evalgapVersion());
            for (CheckItem c : r.checks()) {
                Element test = doc.createElement("testcase");
                test.setAttribute("classname", "evalgap.check");
                test.setAttribute("name", c.name());
                test.setAttribute("time", "0");
                if (c.status() == CheckItem.Status.FAIL || r.strict() && c.status() == CheckItem.Status.SKIP) {
                    Element failure = doc.createElement("failure");
                    failure.setAttribute("message", c.message());
                    failure.setAttribute("type", c.threshold().key());
                    failure.setTextContent(c.message() + String.format(Locale.ROOT, "%nthreshold %s = %s", 
                            c.threshold().key(), c.limit()));
                    test.appendChild(failure);
                } else if (c.status() == CheckItem.Status.SKIP) {
                    Element skipped = doc.createElement("skipped");
                    skipped.setAttribute("message", c.message());
                    test.appendChild(skipped);
                } else {
                    Element stdout = doc.createElement("system-out");
                    stdout.setTextContent(c.message());
                    test.appendChild(stdout);
                }
                suite.appendChild(test);
            }
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Transformer t = TransformerFactory.newInstance().newTransformer();
            t.setOutputProperty(OutputKeys.INDENT, "yes");
            t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            t.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
            try (OutputStream os = Files.newOutputStream(file)) {
                t.transform(new DOMSource(doc), new StreamResult(os));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        } catch (ParserConfigurationException | TransformerException e) {
            throw new IllegalStateException("cannot build JUnit XML", e);
        }
    }

    private static void property(Document doc, Element properties, String name, String value) {
        Element p = doc.createElement("property");
        p.setAttribute("name", name);
        p.setAttribute("value", value);
        properties.appendChild(p);
    }
}
