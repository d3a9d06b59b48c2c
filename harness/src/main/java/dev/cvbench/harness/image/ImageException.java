package dev.cvbench.harness.image;

import dev.cvbench.harness.HarnessException;
import java.util.List;

/**
 * The guest image could not be built or used. The message is one line naming the cause and the fix;
 * subclasses carry the context (tool, step, command output).
 */
public class ImageException extends HarnessException {
    private static final long serialVersionUID = 1L;

    public ImageException(String message) {
        super(message);
    }

    public ImageException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * One-line text for an I/O failure: NIO's file-system exceptions carry only the path in their message, so
     * {@code AccessDeniedException: /var/cache/x} becomes {@code /var/cache/x: permission denied}.
     */
    public static String describe(java.io.IOException e) {
        String what;
        if (e instanceof java.nio.file.AccessDeniedException) {
            what = "permission denied";
        } else if (e instanceof java.nio.file.NoSuchFileException) {
            what = "no such file or directory";
        } else if (e instanceof java.nio.file.FileAlreadyExistsException) {
            what = "already exists";
        } else if (e instanceof java.nio.file.FileSystemException fse && fse.getReason() != null) {
            what = fse.getReason();
        } else {
            return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        java.nio.file.FileSystemException fse = (java.nio.file.FileSystemException) e;
        return (fse.getFile() == null ? "" : fse.getFile() + ": ") + what;
    }

    /** A tool the image needs is not installed (busybox-static, jlink, ldd). */
    public static final class MissingTool extends ImageException {
        private static final long serialVersionUID = 1L;
        private final String tool;
        private final String fix;

        public MissingTool(String tool, String problem, String fix) {
            super(problem + "; fix: " + fix);
            this.tool = tool;
            this.fix = fix;
        }

        public String tool() {
            return tool;
        }

        /** What the user should do, e.g. {@code apt-get install busybox-static}. */
        public String fix() {
            return fix;
        }
    }

    /** One build step failed (a command exited non-zero, a file could not be written). */
    public static final class StepFailed extends ImageException {
        private static final long serialVersionUID = 1L;
        private final BuildStep step;
        private final List<String> outputTail;

        public StepFailed(BuildStep step, String message, List<String> outputTail, Throwable cause) {
            super("guest image: " + step.label() + ": " + message, cause);
            this.step = step;
            this.outputTail = List.copyOf(outputTail);
        }

        public BuildStep step() {
            return step;
        }

        /** The last lines the failing command printed, for a verbose error view. */
        public List<String> outputTail() {
            return outputTail;
        }
    }
}
