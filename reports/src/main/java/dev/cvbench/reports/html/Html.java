package dev.cvbench.reports.html;

/**
 * The few HTML building blocks the report needs. Everything that comes from a result file goes
 * through {@link #text}: a failure reason may contain {@code <script>}, and it must show as text.
 */
final class Html {
    private final StringBuilder out = new StringBuilder(64 * 1024);

    /** Escapes text for element content and quoted attribute values. */
    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** Appends markup written by this module (never data). */
    Html raw(String markup) {
        out.append(markup);
        return this;
    }

    /** Appends data, escaped. */
    Html text(String data) {
        out.append(escape(data));
        return this;
    }

    /** {@code <tag class="cls">escaped text</tag>}; no class attribute when cls is empty. */
    Html element(String tag, String cls, String data) {
        open(tag, cls);
        text(data);
        out.append("</").append(tag).append('>');
        return this;
    }

    Html open(String tag, String cls) {
        out.append('<').append(tag);
        if (!cls.isEmpty()) {
            out.append(" class=\"").append(escape(cls)).append('"');
        }
        out.append('>');
        return this;
    }

    Html close(String tag) {
        out.append("</").append(tag).append(">\n");
        return this;
    }

    /** A table row of escaped cells. */
    Html row(String cellTag, String... cells) {
        out.append("<tr>");
        for (String c : cells) {
            element(cellTag, "", c);
        }
        out.append("</tr>\n");
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
