/*
 * The fake's core: object lifetimes, the call log, injected failures, BSTRs, the simulated medium,
 * progress sinks, reading client streams, and the control API of imapi_fake.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fake_com.h"

fake_state g_fake;

/* One lock for the shared bookkeeping: CancelWrite may come on another thread than Write. */
static atomic_flag s_lock = ATOMIC_FLAG_INIT;
static void lock(void)
{
    while (atomic_flag_test_and_set_explicit(&s_lock, memory_order_acquire)) {
    }
}
static void unlock(void)
{
    atomic_flag_clear_explicit(&s_lock, memory_order_release);
}

static fake_object* s_live;
static int s_live_count;
static int s_released_count;

static char* s_log;
static size_t s_log_length, s_log_capacity;

#define MAX_FAILURES 32
static struct {
    char method[96];
    HRESULT hr;
} s_failures[MAX_FAILURES];

#define MAX_COUNTERS 16
static struct {
    const char* method;
    int count;
} s_sink_calls[MAX_COUNTERS];

static int s_initialized;
static void reset_state(void);
static void ensure_initialized(void)
{
    if (!s_initialized) {
        s_initialized = 1;
        reset_state();
    }
}

/* ---- objects ---- */

void* fake_object_new(size_t size, const fake_fn* vtbl, const fake_class* cls)
{
    ensure_initialized();
    fake_object* object = calloc(1, size);
    if (object == NULL)
        return NULL;
    object->vtbl = vtbl;
    atomic_init(&object->refs, 1);
    object->cls = cls;
    object->counted = 1;
    lock();
    object->next_live = s_live;
    s_live = object;
    s_live_count++;
    unlock();
    return object;
}

HRESULT fake_query_interface(void* self, const GUID* iid, void** ppv)
{
    fake_object* object = self;
    if (ppv == NULL)
        return E_POINTER;
    *ppv = NULL;
    if (iid == NULL)
        return E_POINTER;
    int found = fake_guid_equal(iid, &IID_IUnknown);
    for (const GUID* const* known = object->cls->iids; !found && *known != NULL; known++)
        found = fake_guid_equal(iid, *known);
    if (!found)
        return E_NOINTERFACE;
    fake_add_ref(self);
    *ppv = self;
    return S_OK;
}

ULONG fake_add_ref(void* self)
{
    fake_object* object = self;
    return (ULONG)(atomic_fetch_add(&object->refs, 1) + 1);
}

ULONG fake_release(void* self)
{
    fake_object* object = self;
    int left = atomic_fetch_sub(&object->refs, 1) - 1;
    if (left > 0)
        return (ULONG)left;
    if (left < 0) {
        /* Released once too often: keep the count visible rather than freeing twice. */
        return 0;
    }
    lock();
    if (object->counted) {
        for (fake_object** link = &s_live; *link != NULL; link = &(*link)->next_live) {
            if (*link == object) {
                *link = object->next_live;
                break;
            }
        }
        s_live_count--;
        s_released_count++;
    }
    unlock();
    if (object->cls->destroy != NULL)
        object->cls->destroy(object);
    free(object);
    return 0;
}

HRESULT fake_get_type_info_count(void* self, uint32_t* count)
{
    (void)self;
    if (count != NULL)
        *count = 0;
    return E_NOTIMPL;
}

HRESULT fake_get_type_info(void* self, uint32_t index, uint32_t lcid, void** info)
{
    (void)self, (void)index, (void)lcid;
    if (info != NULL)
        *info = NULL;
    return E_NOTIMPL;
}

HRESULT fake_get_ids_of_names(void* self, const GUID* iid, OLECHAR** names, uint32_t count, uint32_t lcid,
                              int32_t* dispids)
{
    (void)self, (void)iid, (void)names, (void)count, (void)lcid, (void)dispids;
    return E_NOTIMPL;
}

HRESULT fake_invoke(void* self, int32_t dispid, const GUID* iid, uint32_t lcid, uint16_t flags, void* params,
                    void* result, void* excepinfo, uint32_t* argerr)
{
    (void)self, (void)dispid, (void)iid, (void)lcid, (void)flags, (void)params, (void)result, (void)excepinfo;
    (void)argerr;
    return E_NOTIMPL;
}

/* ---- text ---- */

void fake_append_text(char** out, size_t* length, size_t* capacity, const char* text)
{
    size_t add = strlen(text);
    if (*length + add + 1 > *capacity) {
        size_t grown = *capacity < 256 ? 256 : *capacity;
        while (*length + add + 1 > grown)
            grown *= 2;
        char* bigger = realloc(*out, grown);
        if (bigger == NULL)
            return;
        *out = bigger;
        *capacity = grown;
    }
    memcpy(*out + *length, text, add + 1);
    *length += add;
}

void fake_append_utf8(char** out, size_t* length, size_t* capacity, const OLECHAR* text)
{
    char encoded[5];
    for (size_t i = 0; text != NULL && text[i] != 0; i++) {
        uint32_t c = text[i];
        if (c >= 0xD800 && c < 0xDC00 && text[i + 1] >= 0xDC00 && text[i + 1] < 0xE000) {
            c = 0x10000 + ((c - 0xD800) << 10) + (text[i + 1] - 0xDC00u);
            i++;
        }
        if (c < 0x80) {
            encoded[0] = (char)c, encoded[1] = 0;
        } else if (c < 0x800) {
            encoded[0] = (char)(0xC0 | (c >> 6)), encoded[1] = (char)(0x80 | (c & 0x3F)), encoded[2] = 0;
        } else if (c < 0x10000) {
            encoded[0] = (char)(0xE0 | (c >> 12)), encoded[1] = (char)(0x80 | ((c >> 6) & 0x3F));
            encoded[2] = (char)(0x80 | (c & 0x3F)), encoded[3] = 0;
        } else {
            encoded[0] = (char)(0xF0 | (c >> 18)), encoded[1] = (char)(0x80 | ((c >> 12) & 0x3F));
            encoded[2] = (char)(0x80 | ((c >> 6) & 0x3F)), encoded[3] = (char)(0x80 | (c & 0x3F));
            encoded[4] = 0;
        }
        fake_append_text(out, length, capacity, encoded);
    }
}

size_t fake_utf16_length(const OLECHAR* text)
{
    size_t n = 0;
    while (text != NULL && text[n] != 0)
        n++;
    return n;
}

OLECHAR* fake_utf16_dup(const OLECHAR* text)
{
    if (text == NULL)
        return NULL;
    size_t n = fake_utf16_length(text);
    OLECHAR* copy = malloc((n + 1) * sizeof(OLECHAR));
    if (copy != NULL)
        memcpy(copy, text, (n + 1) * sizeof(OLECHAR));
    return copy;
}

int fake_utf16_equal_ascii(const OLECHAR* text, const char* ascii)
{
    size_t i = 0;
    for (; ascii[i] != 0; i++) {
        if (text == NULL || text[i] != (unsigned char)ascii[i])
            return 0;
    }
    return text != NULL && text[i] == 0;
}

/* The block holds the length prefix in its first pointer-sized slot (its last 4 bytes), as
 * Marshal.Unix.cs AllocBSTR lays it out, so Marshal.FreeBSTR's free(chars - sizeof(void*)) is right. */
static BSTR bstr_alloc(size_t chars)
{
    unsigned char* block = malloc(sizeof(void*) + chars * sizeof(OLECHAR) + sizeof(OLECHAR));
    if (block == NULL)
        return NULL;
    uint32_t bytes = (uint32_t)(chars * sizeof(OLECHAR));
    memcpy(block + sizeof(void*) - sizeof(uint32_t), &bytes, sizeof bytes);
    BSTR text = (BSTR)(block + sizeof(void*));
    text[chars] = 0;
    return text;
}

BSTR fake_bstr_from_ascii(const char* text)
{
    size_t n = strlen(text);
    BSTR bstr = bstr_alloc(n);
    for (size_t i = 0; bstr != NULL && i < n; i++)
        bstr[i] = (unsigned char)text[i];
    return bstr;
}

BSTR fake_bstr_from_utf16(const OLECHAR* text)
{
    size_t n = fake_utf16_length(text);
    BSTR bstr = bstr_alloc(n);
    if (bstr != NULL && n > 0)
        memcpy(bstr, text, n * sizeof(OLECHAR));
    return bstr;
}

void fake_bstr_free(BSTR bstr)
{
    if (bstr != NULL)
        free((unsigned char*)bstr - sizeof(void*));
}

/* ---- the call log and injected failures ---- */

HRESULT fake_enter(const char* method)
{
    ensure_initialized();
    HRESULT injected = 0;
    lock();
    fake_append_text(&s_log, &s_log_length, &s_log_capacity, method);
    fake_append_text(&s_log, &s_log_length, &s_log_capacity, "\n");
    for (int i = 0; i < MAX_FAILURES; i++) {
        if (s_failures[i].hr != 0 && strcmp(s_failures[i].method, method) == 0)
            injected = s_failures[i].hr;
    }
    unlock();
    return injected;
}

/* ---- progress sinks ---- */

void fake_sink_count(const char* method)
{
    lock();
    for (int i = 0; i < MAX_COUNTERS; i++) {
        if (s_sink_calls[i].method == NULL)
            s_sink_calls[i].method = method;
        if (strcmp(s_sink_calls[i].method, method) == 0) {
            s_sink_calls[i].count++;
            break;
        }
    }
    unlock();
}

int fake_sinks_query_cancel(void)
{
    int cancel = 0;
    for (int i = 0; i < FAKE_MAX_SINKS; i++) {
        void* sink = g_fake.sinks[i];
        if (sink == NULL)
            continue;
        uint8_t answer = 0; /* boolean (MIDL): one byte */
        fake_sink_count("QueryCancel");
        HRESULT hr = ((HRESULT(*)(void*, uint8_t*))COM_SLOT(sink, SINK_QUERY_CANCEL))(sink, &answer);
        if (hr >= 0 && answer != 0)
            cancel = 1;
    }
    return cancel;
}

void fake_sinks_notify1(int slot, const char* method, int32_t a)
{
    for (int i = 0; i < FAKE_MAX_SINKS; i++) {
        void* sink = g_fake.sinks[i];
        if (sink == NULL)
            continue;
        fake_sink_count(method);
        ((HRESULT(*)(void*, int32_t))COM_SLOT(sink, slot))(sink, a);
    }
}

void fake_sinks_notify2(int slot, const char* method, int32_t a, int32_t b)
{
    for (int i = 0; i < FAKE_MAX_SINKS; i++) {
        void* sink = g_fake.sinks[i];
        if (sink == NULL)
            continue;
        fake_sink_count(method);
        ((HRESULT(*)(void*, int32_t, int32_t))COM_SLOT(sink, slot))(sink, a, b);
    }
}

void fake_sinks_release(void* owner)
{
    for (int i = 0; i < FAKE_MAX_SINKS; i++) {
        void* sink = g_fake.sinks[i];
        if (sink == NULL || (owner != NULL && g_fake.sink_owners[i] != owner))
            continue;
        g_fake.sinks[i] = NULL;
        g_fake.sink_owners[i] = NULL;
        COM_RELEASE(sink);
    }
}

void fake_sinks_release_all(void)
{
    fake_sinks_release(NULL);
}

/* ---- the medium ---- */

/* Lead-in and lead-out around a first session, and around each later one, in blocks: the fake's own
 * round figures, only so that addresses move the way they do on a real disc. */
#define FIRST_SESSION_OVERHEAD 11400u
#define NEXT_SESSION_OVERHEAD 6900u

static void media_set(int kind)
{
    fake_media* m = &g_fake.media;
    memset(m, 0, sizeof *m);
    m->present = kind >= 1 && kind <= 5;
    m->rewritable = kind == 4 || kind == 5;
    switch (kind) {
    case 1: /* blank CD-R */
    case 5: /* blank CD-RW */
        m->blank = 1, m->appendable = 1, m->free_blocks = FAKE_TOTAL_BLOCKS;
        break;
    case 2: /* closed CD-R: one session, full */
    case 4: /* CD-RW holding data, closed */
        m->sessions = 1, m->last_track = 1;
        break;
    case 3: /* appendable CD-R with two sessions */
        m->sessions = 2, m->last_track = 2, m->appendable = 1;
        m->start_address = 24850, m->next_writable = 41950;
        m->free_blocks = FAKE_TOTAL_BLOCKS - m->next_writable;
        break;
    default:
        break;
    }
}

void fake_media_record(uint32_t blocks, int close)
{
    fake_media* m = &g_fake.media;
    if (m->blank) {
        m->sessions = 1, m->last_track = 1, m->start_address = 0;
        m->next_writable = blocks + FIRST_SESSION_OVERHEAD;
    } else {
        m->sessions++, m->last_track++;
        m->start_address = m->next_writable;
        m->next_writable += blocks + NEXT_SESSION_OVERHEAD;
    }
    m->blank = 0;
    if (close || m->next_writable >= FAKE_TOTAL_BLOCKS) {
        m->appendable = 0, m->free_blocks = 0, m->next_writable = 0;
    } else {
        m->free_blocks = FAKE_TOTAL_BLOCKS - m->next_writable;
    }
}

void fake_media_erase(void)
{
    media_set(5);
}

/* ---- client streams ---- */

long long fake_stream_size(void* stream, HRESULT* hr)
{
    STATSTG stat;
    memset(&stat, 0, sizeof stat);
    *hr = ((HRESULT(*)(void*, STATSTG*, uint32_t))COM_SLOT(stream, STREAM_STAT))(stream, &stat, STATFLAG_NONAME);
    if (stat.pwcsName != NULL)
        free(stat.pwcsName);
    if (*hr < 0)
        return -1;
    return (long long)stat.cbSize;
}

HRESULT fake_stream_read_all(void* stream, uint32_t chunk, fake_chunk_fn consume, void* context,
                             long long* total)
{
    unsigned char* buffer = malloc(chunk);
    if (buffer == NULL)
        return E_OUTOFMEMORY;
    HRESULT result = S_OK;
    *total = 0;
    for (;;) {
        ULONG got = 0;
        HRESULT hr = ((HRESULT(*)(void*, void*, ULONG, ULONG*))COM_SLOT(stream, STREAM_READ))(stream, buffer, chunk,
                                                                                             &got);
        if (hr < 0) {
            result = hr;
            break;
        }
        if (got > chunk)
            got = chunk;
        HRESULT stop = consume(context, buffer, got);
        if (stop != 0) {
            result = stop;
            break;
        }
        *total += got;
        if (got == 0)
            break;
    }
    free(buffer);
    return result;
}

/* ---- the control API ---- */

static const struct {
    const GUID* clsid;
    HRESULT (*create)(void** out);
} s_classes[] = {
    { &CLSID_MSDiscMasterObj, fake_new_disc_master },
    { &CLSID_MSDiscRecorderObj, fake_new_disc_recorder },
    { &CLSID_MSEnumDiscRecordersObj, fake_new_enum_disc_recorders },
    { &CLSID_CDBurn, fake_new_cdburn },
    { &CLSID_MsftDiscMaster2, fake_new_disc_master2 },
    { &CLSID_MsftDiscRecorder2, fake_new_disc_recorder2 },
    { &CLSID_MsftDiscFormat2Data, fake_new_format2_data },
    { &CLSID_MsftDiscFormat2Erase, fake_new_format2_erase },
    { &CLSID_MsftDiscFormat2TrackAtOnce, fake_new_format2_tao },
};

HRESULT fake_create_instance(const GUID* clsid, const GUID* iid, void** ppv)
{
    ensure_initialized();
    if (ppv == NULL)
        return E_POINTER;
    *ppv = NULL;
    for (size_t i = 0; i < sizeof s_classes / sizeof s_classes[0]; i++) {
        if (!fake_guid_equal(clsid, s_classes[i].clsid))
            continue;
        void* object = NULL;
        HRESULT hr = s_classes[i].create(&object);
        if (hr < 0)
            return hr;
        hr = fake_query_interface(object, iid, ppv);
        fake_release(object);
        return hr;
    }
    return REGDB_E_CLASSNOTREG;
}

static void reset_state(void)
{
    fake_sinks_release_all();
    fake_staged_clear();
    free(g_fake.staged);
    free(g_fake.lock_owner);
    free(g_fake.access_owner);
    free(g_fake.written);
    memset(&g_fake, 0, sizeof g_fake);
    g_fake.write_speed = 24;
    g_fake.audio_gap = 150;
    media_set(1);
}

void fake_reset(void)
{
    s_initialized = 1;
    reset_state();
    lock();
    for (fake_object* object = s_live; object != NULL; object = object->next_live)
        object->counted = 0;
    s_live = NULL;
    s_live_count = 0;
    s_released_count = 0;
    free(s_log);
    s_log = NULL, s_log_length = 0, s_log_capacity = 0;
    memset(s_failures, 0, sizeof s_failures);
    memset(s_sink_calls, 0, sizeof s_sink_calls);
    unlock();
}

int fake_live_objects(void)
{
    lock();
    int n = s_live_count;
    unlock();
    return n;
}

int fake_outstanding_references(void)
{
    int sum = 0;
    lock();
    for (fake_object* object = s_live; object != NULL; object = object->next_live)
        sum += atomic_load(&object->refs);
    unlock();
    return sum;
}

int fake_released_objects(void)
{
    lock();
    int n = s_released_count;
    unlock();
    return n;
}

void fake_fail(const char* method, HRESULT hr)
{
    if (method == NULL)
        return;
    lock();
    int slot = -1;
    for (int i = 0; i < MAX_FAILURES; i++) {
        if (s_failures[i].hr != 0 && strcmp(s_failures[i].method, method) == 0)
            slot = i;
    }
    for (int i = 0; slot < 0 && i < MAX_FAILURES; i++) {
        if (s_failures[i].hr == 0)
            slot = i;
    }
    if (slot >= 0) {
        strncpy(s_failures[slot].method, method, sizeof s_failures[slot].method - 1);
        s_failures[slot].method[sizeof s_failures[slot].method - 1] = 0;
        s_failures[slot].hr = hr;
    }
    unlock();
}

static int copy_out(const char* text, size_t length, char* buffer, int size)
{
    if (buffer != NULL && size > 0) {
        size_t n = length < (size_t)size - 1 ? length : (size_t)size - 1;
        if (n > 0)
            memcpy(buffer, text, n);
        buffer[n] = 0;
    }
    return (int)length;
}

int fake_call_log(char* buffer, int size)
{
    lock();
    int needed = copy_out(s_log != NULL ? s_log : "", s_log_length, buffer, size);
    unlock();
    return needed;
}

int fake_master_is_open(void)
{
    return g_fake.master_open;
}

void fake_set_media(int kind)
{
    ensure_initialized();
    media_set(kind);
}

void fake_lock_recorder(const uint16_t* owner)
{
    ensure_initialized();
    free(g_fake.lock_owner);
    g_fake.lock_owner = fake_utf16_dup(owner);
}

long long fake_written_length(void)
{
    lock();
    long long n = g_fake.written_length;
    unlock();
    return n;
}

int fake_read_written(unsigned char* buffer, long long offset, int count)
{
    if (buffer == NULL || offset < 0 || count <= 0)
        return 0;
    lock();
    int n = 0;
    if (offset < g_fake.written_length) {
        long long left = g_fake.written_length - offset;
        n = left < count ? (int)left : count;
        memcpy(buffer, g_fake.written + offset, (size_t)n);
    }
    unlock();
    return n;
}

int fake_staged_files(char* buffer, int size)
{
    char* text = NULL;
    size_t length = 0, capacity = 0;
    fake_append_text(&text, &length, &capacity, "");
    for (int i = 0; i < g_fake.staged_count; i++) {
        char line[64];
        fake_append_text(&text, &length, &capacity, g_fake.staged[i].path);
        snprintf(line, sizeof line, "\t%lld\t%08x\n", g_fake.staged[i].size, (unsigned)g_fake.staged[i].checksum);
        fake_append_text(&text, &length, &capacity, line);
    }
    int needed = copy_out(text != NULL ? text : "", length, buffer, size);
    free(text);
    return needed;
}

void fake_written_clear(void)
{
    lock();
    g_fake.written_length = 0;
    unlock();
}

void fake_written_append(const unsigned char* bytes, uint32_t count)
{
    lock();
    if (g_fake.written_length + count > g_fake.written_capacity) {
        long long grown = g_fake.written_capacity < 65536 ? 65536 : g_fake.written_capacity;
        while (g_fake.written_length + count > grown)
            grown *= 2;
        unsigned char* bigger = realloc(g_fake.written, (size_t)grown);
        if (bigger != NULL)
            g_fake.written = bigger, g_fake.written_capacity = grown;
    }
    if (g_fake.written_length + count <= g_fake.written_capacity) {
        memcpy(g_fake.written + g_fake.written_length, bytes, count);
        g_fake.written_length += count;
    }
    unlock();
}

void fake_staged_clear(void)
{
    for (int i = 0; i < g_fake.staged_count; i++)
        free(g_fake.staged[i].path);
    g_fake.staged_count = 0;
}

int fake_audio_tracks(void)
{
    return g_fake.redbook_tracks + g_fake.tao_tracks;
}

int fake_progress_calls(const char* method)
{
    int n = 0;
    lock();
    for (int i = 0; method != NULL && i < MAX_COUNTERS && s_sink_calls[i].method != NULL; i++) {
        if (strcmp(s_sink_calls[i].method, method) == 0)
            n = s_sink_calls[i].count;
    }
    unlock();
    return n;
}

int fake_burn_count(void)
{
    return g_fake.burns;
}

int fake_erase_count(int full)
{
    return g_fake.erases[full != 0];
}

int fake_recorder_is_open(void)
{
    return g_fake.recorder_exclusive;
}
