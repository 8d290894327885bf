/* A stand-in for a vendor's sdtapi library, built by devices/idcard/sdk_simulator.py with `cc`, so
 * that the SDK reader is tested through a real dynamic library: real symbols, real ctypes calls,
 * real buffers. It answers from files in FAKE_DIR (a -D define), which the simulator writes:
 *
 *   port          the port the reader is on (default 1001)
 *   card.txt      the card's 256-byte text block; absent: no card on the reader
 *   card.wlt      its 1024 WLT photo bytes; card.fp its fingerprints; card.bmp its decoded photo
 *   photo_mode    "wlt" (photo buffer gets the WLT), "buffer" (it gets card.bmp), "file" (the WLT,
 *                 and card.bmp is written to photo.bmp, as several vendors' libraries do)
 *   unplugged     the reader is unplugged: SDT_OpenPort fails with 0x01, calls on a port opened
 *                 before answer the code in this file (default 0x02) until the port is reopened
 *   fail_open, fail_sam, fail_find, fail_select, fail_read: a code the call returns instead
 *   paced         each call takes the wire time of its SAM frames at 115200 baud 8N1
 *
 * Every call appends "NAME TID" to calls.log. Build with -DNO_FP / -DNO_READ to leave out
 * SDT_ReadBaseFPMsg / SDT_ReadBaseMsg (a library missing a function).
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/syscall.h>

#ifndef FAKE_DIR
#error "build with -DFAKE_DIR=\"...\""
#endif

#define EXPORT __attribute__((visibility("default")))

static int opened = 0; /* the port opened, 0: none */
static int stale = 0;  /* the reader was unplugged while the port was open */

static void path_of(char *out, size_t size, const char *name) { snprintf(out, size, "%s/%s", FAKE_DIR, name); }

static long read_file(const char *name, unsigned char *buf, long max) {
    char path[4096];
    path_of(path, sizeof path, name);
    FILE *f = fopen(path, "rb");
    if (!f) return -1;
    long n = (long)fread(buf, 1, (size_t)max, f);
    fclose(f);
    return n;
}

static int exists(const char *name) {
    char path[4096];
    path_of(path, sizeof path, name);
    return access(path, F_OK) == 0;
}

static int code_in(const char *name, int fallback) {
    unsigned char text[32] = {0};
    long n = read_file(name, text, sizeof text - 1);
    if (n <= 0) return fallback;
    text[n] = 0;
    return (int)strtol((const char *)text, NULL, 0);
}

static void note(const char *name) {
    char path[4096];
    path_of(path, sizeof path, "calls.log");
    FILE *f = fopen(path, "a");
    if (!f) return;
    fprintf(f, "%s %ld\n", name, (long)syscall(SYS_gettid));
    fclose(f);
}

static void wire(long bytes) { /* request and reply bytes at 115200 baud, 10 bits a byte */
    if (!exists("paced")) return;
    double seconds = bytes * 10.0 / 115200.0;
    struct timespec t = {(time_t)seconds, (long)((seconds - (time_t)seconds) * 1e9)};
    while (nanosleep(&t, &t) != 0) {}
}

/* 0: the call may go on; else the code it returns. */
static int session(int port) {
    if (exists("unplugged") && opened) stale = 1;
    if (stale) return code_in("unplugged", 0x02) ? code_in("unplugged", 0x02) : 0x02;
    if (!opened || port != opened) return 0x01;
    return 0;
}

EXPORT int SDT_OpenPort(int port) {
    note("SDT_OpenPort");
    int forced = code_in("fail_open", 0);
    if (forced) return forced;
    if (exists("unplugged") || port != code_in("port", 1001)) return 0x01;
    opened = port;
    stale = 0;
    return 0x90;
}

EXPORT int SDT_ClosePort(int port) {
    note("SDT_ClosePort");
    if (port == opened) opened = 0;
    stale = 0;
    return 0x90;
}

EXPORT int SDT_GetSAMStatus(int port, int if_open) {
    (void)if_open;
    note("SDT_GetSAMStatus");
    int code = session(port);
    if (code) return code;
    wire(10 + 11);
    return code_in("fail_sam", 0x90);
}

EXPORT int SDT_StartFindIDCard(int port, unsigned char *iin, int if_open) {
    (void)if_open;
    note("SDT_StartFindIDCard");
    int code = session(port);
    if (code) return code;
    code = code_in("fail_find", exists("card.txt") ? 0x9F : 0x80);
    wire(10 + (code == 0x9F ? 15 : 11));
    if (code == 0x9F) memset(iin, 0, 4);
    return code;
}

EXPORT int SDT_SelectIDCard(int port, unsigned char *sn, int if_open) {
    (void)if_open;
    note("SDT_SelectIDCard");
    int code = session(port);
    if (code) return code;
    code = code_in("fail_select", exists("card.txt") ? 0x90 : 0x81);
    wire(10 + (code == 0x90 ? 19 : 11));
    if (code == 0x90) memset(sn, 0, 8);
    return code;
}

static int read_card(int port, unsigned char *text, unsigned int *text_len, unsigned char *photo,
                     unsigned int *photo_len, unsigned char *prints, unsigned int *prints_len) {
    int code = session(port);
    if (code) return code;
    code = code_in("fail_read", exists("card.txt") ? 0x90 : 0x41);
    long t = code == 0x90 ? read_file("card.txt", text, 256) : -1;
    if (t < 0) {
        wire(10 + 11);
        return code == 0x90 ? 0x41 : code;
    }
    static unsigned char bmp[65536];
    unsigned char mode[16] = {0};
    read_file("photo_mode", mode, sizeof mode - 1);
    long p = read_file("card.wlt", photo, 1024);
    long b = read_file("card.bmp", bmp, sizeof bmp);
    if (strncmp((const char *)mode, "buffer", 6) == 0 && b > 0) {
        memcpy(photo, bmp, (size_t)b);
        p = b;
    } else if (strncmp((const char *)mode, "file", 4) == 0 && b > 0) {
        char path[4096];
        path_of(path, sizeof path, "photo.bmp");
        FILE *f = fopen(path, "wb");
        if (f) {
            fwrite(bmp, 1, (size_t)b, f);
            fclose(f);
        }
    }
    long f = prints ? read_file("card.fp", prints, 4096) : -1;
    *text_len = (unsigned int)t;
    *photo_len = (unsigned int)(p < 0 ? 0 : p);
    if (prints_len) *prints_len = (unsigned int)(f < 0 ? 0 : f);
    wire(10 + 11 + 4 + 256 + 1024 + (prints ? 2 + (f < 0 ? 0 : f) : 0));
    return 0x90;
}

#ifndef NO_READ
EXPORT int SDT_ReadBaseMsg(int port, unsigned char *text, unsigned int *text_len, unsigned char *photo,
                           unsigned int *photo_len, int if_open) {
    (void)if_open;
    note("SDT_ReadBaseMsg");
    return read_card(port, text, text_len, photo, photo_len, NULL, NULL);
}
#endif

#ifndef NO_FP
EXPORT int SDT_ReadBaseFPMsg(int port, unsigned char *text, unsigned int *text_len, unsigned char *photo,
                             unsigned int *photo_len, unsigned char *prints, unsigned int *prints_len,
                             int if_open) {
    (void)if_open;
    note("SDT_ReadBaseFPMsg");
    return read_card(port, text, text_len, photo, photo_len, prints, prints_len);
}
#endif
