/*
 * cvinit: shared declarations. The sync protocol between the Java runtime (parent) and cvinit:
 *
 *   Java runtime                      cvinit stage 0 [0:PARENT]          cvinit stage 1 [1:CHILD]
 *   ------------                      -------------------------          ------------------------
 *   listen on <state>/init.sock
 *   spawn cvinit <sock> ------------> connect
 *   CONFIG lines ... "END" ---------> parse config
 *                                     setns(path) / unshare(new) for
 *                                     pid, net, ipc, uts (not mnt/cgroup)
 *                                     fork() ------------------------->  (PID 1 in the new pid ns)
 *                                     monitor: waitpid, exit file
 *        <------------------------------------------------------------  READY_FOR_CGROUP <hostpid>
 *   cgroups: add <hostpid>
 *   CGROUP_DONE ------------------------------------------------------>
 *        <------------------------------------------------------------  NETNS_READY
 *   NetworkAttacher.attach(/proc/<hostpid>/ns/net)
 *   NETWORK_DONE ----------------------------------------------------->
 *                                                                       cgroup ns, mount ns, rootfs
 *                                                                       mounts, /dev, pivot_root,
 *                                                                       masked/ro paths, hostname,
 *                                                                       rlimits, creds, caps, nnp
 *        <------------------------------------------------------------  READY_TO_EXEC
 *   state.json: created
 *   CREATED ---------------------------------------------------------->
 *   (detached: close the socket)                                        open exec fifo: blocks
 *   start: open the exec fifo, read --------------------------------->  write "0", execve(argv)
 *
 * Any stage may instead send "ERROR {json}" (stage, errno, message) and exit EXIT_INIT_FAILED.
 * Every read has a timeout (SO_RCVTIMEO on the cvinit side, a Selector on the Java side).
 * Messages are lines: "TYPE[ ARG]\n". Config lines are "key arg arg ...", each argument
 * percent-encoded (%XX for bytes <= 0x20, '%' and >= 0x7f) so spaces and newlines survive.
 */
#ifndef CVINIT_H
#define CVINIT_H

#include <sys/types.h>

#define MSG_READY_FOR_CGROUP "READY_FOR_CGROUP"
#define MSG_CGROUP_DONE "CGROUP_DONE"
#define MSG_NETNS_READY "NETNS_READY"
#define MSG_NETWORK_DONE "NETWORK_DONE"
#define MSG_READY_TO_EXEC "READY_TO_EXEC"
#define MSG_CREATED "CREATED"
#define MSG_ERROR "ERROR"

#define SYNC_TIMEOUT_SECONDS 30
#define EXIT_INIT_FAILED 125

#define MAX_ITEMS 512

struct ns_entry { char type[16]; int flag; char path[4096]; };
struct mount_entry { char *src, *dst, *fstype, *data; unsigned long flags, propagation; };
struct rlimit_entry { int resource; unsigned long long soft, hard; };

struct config {
    int mode_exec;
    char *rootfs;
    int rootfs_readonly;
    char *hostname;
    char *args[MAX_ITEMS + 1]; int arg_count;
    char *env[MAX_ITEMS + 1]; int env_count;
    char *cwd;
    uid_t uid; gid_t gid;
    gid_t groups[64]; int group_count;
    struct rlimit_entry rlimits[32]; int rlimit_count;
    unsigned long long cap_bounding, cap_effective, cap_permitted, cap_inheritable, cap_ambient;
    int no_new_privs;
    struct ns_entry ns[8]; int ns_count;
    struct mount_entry mounts[128]; int mount_count;
    char *masked[128]; int masked_count;
    char *readonly[128]; int readonly_count;
    int devices;
    char exec_fifo[4096];
    char exit_file[4096];
    int foreground;
};

/* cvinit.c */
__attribute__((noreturn, format(printf, 2, 3))) void cv_fail(int err, const char *fmt, ...);
void cv_stage(const char *name);
void cv_send(const char *type, const char *arg);
void cv_expect(const char *type);
int ns_flag(const char *name);
/* config.c */
void read_config(int fd, struct config *c);
/* rootfs.c */
void prepare_container(struct config *c);
void prepare_exec(struct config *c);
/* process.c */
__attribute__((noreturn)) void finish_and_exec(struct config *c, int sync_fd);

#endif
