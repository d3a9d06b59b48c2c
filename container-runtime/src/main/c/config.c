/*
 * cvinit: reads the runtime's config from the sync socket. Format (one item per line, ended by
 * "END"): "key arg arg ...", arguments separated by one space and percent-encoded. The Java side
 * (dev.cvbench.container.init.InitConfigEncoder) computes every number (mount flags, rlimit
 * resource ids, capability numbers), so this file only parses.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cvinit.h"

#define MAX_TOKENS 8

static int hexval(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/* Decodes %XX escapes in place. */
static char *decode(char *s) {
    char *o = s;
    for (char *i = s; *i; i++) {
        if (*i == '%' && hexval(i[1]) >= 0 && hexval(i[2]) >= 0) {
            *o++ = (char) (hexval(i[1]) * 16 + hexval(i[2]));
            i += 2;
        } else {
            *o++ = *i;
        }
    }
    *o = 0;
    return s;
}

static int split(char *line, char **tok) {
    int n = 0;
    tok[n++] = line;
    for (char *p = line; *p && n < MAX_TOKENS; p++) {
        if (*p == ' ') { *p = 0; tok[n++] = p + 1; }
    }
    for (int i = 0; i < n; i++) decode(tok[i]);
    return n;
}

static unsigned long long num(const char *key, const char *s) {
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || *end || !*s) cv_fail(EINVAL, "config: %s: bad number '%s'", key, s);
    return v;
}

static void need(const char *key, int have, int want) {
    if (have < want) cv_fail(EINVAL, "config: %s: expected %d arguments, got %d", key, want - 1, have - 1);
}

static void copy_path(char *dst, const char *src) {
    if (strlen(src) >= 4096) cv_fail(ENAMETOOLONG, "config: path too long");
    strcpy(dst, src);
}

static void apply(struct config *c, char **t, int n) {
    const char *k = t[0];
    if (!strcmp(k, "mode")) { need(k, n, 2); c->mode_exec = !strcmp(t[1], "exec"); }
    else if (!strcmp(k, "rootfs")) { need(k, n, 3); c->rootfs = strdup(t[1]); c->rootfs_readonly = (int) num(k, t[2]); }
    else if (!strcmp(k, "hostname")) { need(k, n, 2); c->hostname = strdup(t[1]); }
    else if (!strcmp(k, "arg")) { need(k, n, 2); if (c->arg_count >= MAX_ITEMS) cv_fail(E2BIG, "config: too many args"); c->args[c->arg_count++] = strdup(t[1]); }
    else if (!strcmp(k, "env")) { need(k, n, 2); if (c->env_count >= MAX_ITEMS) cv_fail(E2BIG, "config: too many env"); c->env[c->env_count++] = strdup(t[1]); }
    else if (!strcmp(k, "cwd")) { need(k, n, 2); c->cwd = strdup(t[1]); }
    else if (!strcmp(k, "user")) { need(k, n, 3); c->uid = (uid_t) num(k, t[1]); c->gid = (gid_t) num(k, t[2]); }
    else if (!strcmp(k, "group")) { need(k, n, 2); if (c->group_count >= 64) cv_fail(E2BIG, "config: too many groups"); c->groups[c->group_count++] = (gid_t) num(k, t[1]); }
    else if (!strcmp(k, "rlimit")) {
        need(k, n, 4);
        if (c->rlimit_count >= 32) cv_fail(E2BIG, "config: too many rlimits");
        struct rlimit_entry *r = &c->rlimits[c->rlimit_count++];
        r->resource = (int) num(k, t[1]); r->soft = num(k, t[2]); r->hard = num(k, t[3]);
    }
    else if (!strcmp(k, "caps")) {
        need(k, n, 6);
        c->cap_bounding = num(k, t[1]); c->cap_effective = num(k, t[2]); c->cap_permitted = num(k, t[3]);
        c->cap_inheritable = num(k, t[4]); c->cap_ambient = num(k, t[5]);
    }
    else if (!strcmp(k, "no_new_privs")) { need(k, n, 2); c->no_new_privs = (int) num(k, t[1]); }
    else if (!strcmp(k, "ns")) {
        need(k, n, 3);
        if (c->ns_count >= 8) cv_fail(E2BIG, "config: too many namespaces");
        struct ns_entry *ns = &c->ns[c->ns_count++];
        if (strlen(t[1]) >= sizeof ns->type || !(ns->flag = ns_flag(t[1]))) cv_fail(EINVAL, "config: unknown namespace '%s'", t[1]);
        strcpy(ns->type, t[1]);
        copy_path(ns->path, t[2]);
    }
    else if (!strcmp(k, "mount")) {
        need(k, n, 7);
        if (c->mount_count >= 128) cv_fail(E2BIG, "config: too many mounts");
        struct mount_entry *m = &c->mounts[c->mount_count++];
        m->src = strdup(t[1]); m->dst = strdup(t[2]); m->fstype = strdup(t[3]);
        m->flags = (unsigned long) num(k, t[4]); m->propagation = (unsigned long) num(k, t[5]); m->data = strdup(t[6]);
    }
    else if (!strcmp(k, "mask")) { need(k, n, 2); if (c->masked_count >= 128) cv_fail(E2BIG, "config: too many masked paths"); c->masked[c->masked_count++] = strdup(t[1]); }
    else if (!strcmp(k, "readonly")) { need(k, n, 2); if (c->readonly_count >= 128) cv_fail(E2BIG, "config: too many readonly paths"); c->readonly[c->readonly_count++] = strdup(t[1]); }
    else if (!strcmp(k, "devices")) { need(k, n, 2); c->devices = (int) num(k, t[1]); }
    else if (!strcmp(k, "exec_fifo")) { need(k, n, 2); copy_path(c->exec_fifo, t[1]); }
    else if (!strcmp(k, "exit_file")) { need(k, n, 2); copy_path(c->exit_file, t[1]); }
    else if (!strcmp(k, "foreground")) { need(k, n, 2); c->foreground = (int) num(k, t[1]); }
    else cv_fail(EINVAL, "config: unknown key '%s'", k);
}

void read_config(int fd, struct config *c) {
    static char buf[1 << 20];
    size_t len = 0;
    char *line = buf;
    c->cwd = "/";
    for (;;) {
        char *nl = memchr(line, '\n', len - (size_t) (line - buf));
        if (!nl) {
            if (len >= sizeof buf - 1) cv_fail(E2BIG, "config larger than %zu bytes", sizeof buf);
            ssize_t r = read(fd, buf + len, sizeof buf - 1 - len);
            if (r < 0 && errno == EINTR) continue;
            if (r < 0) cv_fail(errno, "read config");
            if (r == 0) cv_fail(EPIPE, "config ended before END");
            len += (size_t) r;
            continue;
        }
        *nl = 0;
        if (!strcmp(line, "END")) break;
        char *tok[MAX_TOKENS];
        int n = split(line, tok);
        apply(c, tok, n);
        line = nl + 1;
    }
    c->args[c->arg_count] = NULL;
    c->env[c->env_count] = NULL;
    if (c->arg_count == 0) cv_fail(EINVAL, "config: no process args");
}
