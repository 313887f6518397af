/*
 * IMAPI v1 mastering: IDiscMaster, IEnumDiscMasterFormats, IJolietDiscMaster and IRedbookDiscMaster
 * (imapi.h, Windows SDK). The master calls the IDiscMasterProgressEvents sinks given to ProgressAdvise;
 * Joliet's AddData walks the client's IStorage (objidl.h) and records what it read.
 */
#include <stdlib.h>
#include <string.h>

#include "fake_com.h"

#define FORMAT_NONE 0
#define FORMAT_JOLIET 1
#define FORMAT_REDBOOK 2

#define DATA_BLOCK_BYTES 2048
#define AUDIO_BLOCK_BYTES 2352
/* Blocks the fake counts for the Joliet file system itself: its own figure. */
#define JOLIET_OVERHEAD_BLOCKS 50

typedef struct disc_master {
    fake_object base;
    int active_format;
    int has_active_recorder;
} disc_master;

/* A format object keeps its master alive. */
typedef struct format_object {
    fake_object base;
    disc_master* master;
} format_object;

static void format_destroy(fake_object* self)
{
    fake_release(((format_object*)self)->master);
}

static HRESULT new_format(disc_master* master, int format, void** out);
static HRESULT new_format_enum(ULONG position, void** out);

/* ---- IDiscMaster ---- */

/* The last reference closes the master and lets go of its sinks; one fake_reset forgot changes nothing. */
static void master_destroy(fake_object* self)
{
    if (!self->counted)
        return;
    g_fake.master_open = 0;
    fake_sinks_release(self);
}

static const GUID* const s_master_iids[] = { &IID_IDiscMaster, NULL };
static const fake_class s_master_class = { "IDiscMaster", s_master_iids, master_destroy };

#define REQUIRE_OPEN()              \
    do {                            \
        if (!g_fake.master_open)    \
            return IMAPI_E_NOTOPENED; \
    } while (0)

static HRESULT Open(void* self)
{
    (void)self;
    FAKE_ENTER("IDiscMaster::Open");
    if (g_fake.master_open)
        return IMAPI_E_ALREADYOPEN;
    g_fake.master_open = 1;
    return S_OK;
}

static HRESULT EnumDiscMasterFormats(void* self, void** out)
{
    (void)self;
    FAKE_ENTER("IDiscMaster::EnumDiscMasterFormats");
    if (out == NULL)
        return E_POINTER;
    REQUIRE_OPEN();
    return new_format_enum(0, out);
}

static HRESULT GetActiveDiscMasterFormat(void* self, GUID* iid)
{
    disc_master* m = self;
    FAKE_ENTER("IDiscMaster::GetActiveDiscMasterFormat");
    if (iid == NULL)
        return E_POINTER;
    REQUIRE_OPEN();
    if (m->active_format == FORMAT_NONE)
        return IMAPI_E_NOACTIVEFORMAT;
    *iid = m->active_format == FORMAT_JOLIET ? IID_IJolietDiscMaster : IID_IRedbookDiscMaster;
    return S_OK;
}

static HRESULT SetActiveDiscMasterFormat(void* self, const GUID* iid, void** format)
{
    disc_master* m = self;
    FAKE_ENTER("IDiscMaster::SetActiveDiscMasterFormat");
    if (iid == NULL || format == NULL)
        return E_POINTER;
    *format = NULL;
    REQUIRE_OPEN();
    int wanted = fake_guid_equal(iid, &IID_IJolietDiscMaster)    ? FORMAT_JOLIET
                 : fake_guid_equal(iid, &IID_IRedbookDiscMaster) ? FORMAT_REDBOOK
                                                                 : FORMAT_NONE;
    if (wanted == FORMAT_NONE)
        return E_NOINTERFACE;
    /* Another format starts from nothing staged. */
    if (m->active_format != wanted) {
        fake_staged_clear();
        g_fake.redbook_tracks = 0, g_fake.track_open = 0, g_fake.audio_blocks = 0;
    }
    m->active_format = wanted;
    return new_format(m, wanted, format);
}

static HRESULT EnumDiscRecorders(void* self, void** out)
{
    (void)self;
    FAKE_ENTER("IDiscMaster::EnumDiscRecorders");
    if (out == NULL)
        return E_POINTER;
    REQUIRE_OPEN();
    return fake_new_enum_disc_recorders(out);
}

static HRESULT GetActiveDiscRecorder(void* self, void** out)
{
    disc_master* m = self;
    FAKE_ENTER("IDiscMaster::GetActiveDiscRecorder");
    if (out == NULL)
        return E_POINTER;
    *out = NULL;
    REQUIRE_OPEN();
    if (!m->has_active_recorder)
        return IMAPI_E_NOACTIVERECORDER;
    return fake_new_disc_recorder(out);
}

static HRESULT SetActiveDiscRecorder(void* self, void* recorder)
{
    disc_master* m = self;
    FAKE_ENTER("IDiscMaster::SetActiveDiscRecorder");
    if (recorder == NULL)
        return E_POINTER;
    REQUIRE_OPEN();
    if (!fake_is_disc_recorder(recorder))
        return E_INVALIDARG;
    m->has_active_recorder = 1;
    return S_OK;
}

static HRESULT ClearFormatContent(void* self)
{
    (void)self;
    FAKE_ENTER("IDiscMaster::ClearFormatContent");
    REQUIRE_OPEN();
    fake_staged_clear();
    g_fake.redbook_tracks = 0, g_fake.track_open = 0, g_fake.audio_blocks = 0;
    return S_OK;
}

static HRESULT ProgressAdvise(void* self, void* sink, uintptr_t* cookie)
{
    FAKE_ENTER("IDiscMaster::ProgressAdvise");
    if (sink == NULL || cookie == NULL)
        return E_POINTER;
    for (int i = 0; i < FAKE_MAX_SINKS; i++) {
        if (g_fake.sinks[i] == NULL) {
            COM_ADDREF(sink);
            g_fake.sinks[i] = sink;
            g_fake.sink_owners[i] = self;
            *cookie = (uintptr_t)(i + 1);
            return S_OK;
        }
    }
    return E_FAIL;
}

static HRESULT ProgressUnadvise(void* self, uintptr_t cookie)
{
    (void)self;
    FAKE_ENTER("IDiscMaster::ProgressUnadvise");
    if (cookie < 1 || cookie > FAKE_MAX_SINKS || g_fake.sinks[cookie - 1] == NULL)
        return E_INVALIDARG;
    void* sink = g_fake.sinks[cookie - 1];
    g_fake.sinks[cookie - 1] = NULL;
    g_fake.sink_owners[cookie - 1] = NULL;
    COM_RELEASE(sink);
    return S_OK;
}

static uint32_t joliet_blocks(void)
{
    uint32_t blocks = JOLIET_OVERHEAD_BLOCKS;
    for (int i = 0; i < g_fake.staged_count; i++)
        blocks += (uint32_t)((g_fake.staged[i].size + DATA_BLOCK_BYTES - 1) / DATA_BLOCK_BYTES);
    return blocks;
}

/* Reports progress over blocks in eight steps, asking the sinks to cancel before each. */
static int burn_blocks(int32_t total)
{
    int32_t step = total / 8 > 0 ? total / 8 : 1;
    for (int32_t done = 0; done < total;) {
        if (fake_sinks_query_cancel())
            return 0;
        done = total - done > step ? done + step : total;
        fake_sinks_notify2(SINK_NOTIFY_BLOCK_PROGRESS, "NotifyBlockProgress", done, total);
    }
    return 1;
}

static HRESULT RecordDisc(void* self, uint8_t simulate, uint8_t eject_after)
{
    disc_master* m = self;
    (void)eject_after;
    FAKE_ENTER("IDiscMaster::RecordDisc");
    REQUIRE_OPEN();
    if (!m->has_active_recorder)
        return IMAPI_E_NOACTIVERECORDER;
    if (m->active_format == FORMAT_NONE)
        return IMAPI_E_NOACTIVEFORMAT;
    const fake_media* media = &g_fake.media;
    if (!media->present)
        return IMAPI_E_MEDIUM_NOTPRESENT;
    if (!media->appendable || (m->active_format == FORMAT_REDBOOK && !media->blank))
        return IMAPI_E_CANNOT_WRITE_TO_MEDIA;
    if (m->active_format == FORMAT_REDBOOK && g_fake.track_open)
        return IMAPI_E_TRACKOPEN;
    uint32_t blocks = m->active_format == FORMAT_JOLIET ? joliet_blocks() : (uint32_t)g_fake.audio_blocks;
    if (blocks > media->free_blocks)
        return IMAPI_E_DISCFULL;

    g_fake.burning = 1;
    fake_sinks_notify1(SINK_NOTIFY_PREPARING_BURN, "NotifyPreparingBurn", 1 + (int32_t)(blocks / 1800));
    int finished = 1;
    if (m->active_format == FORMAT_REDBOOK) {
        /* The tracks' blocks in turn; the fake keeps only their total, so it shares it out evenly. */
        int tracks = g_fake.redbook_tracks;
        for (int t = 1; finished && t <= tracks; t++) {
            fake_sinks_notify2(SINK_NOTIFY_TRACK_PROGRESS, "NotifyTrackProgress", t, tracks);
            finished = burn_blocks((int32_t)blocks / tracks);
        }
        if (finished && tracks > 0)
            fake_sinks_notify2(SINK_NOTIFY_TRACK_PROGRESS, "NotifyTrackProgress", tracks, tracks);
    } else {
        finished = burn_blocks((int32_t)blocks);
    }
    if (!finished) {
        g_fake.burning = 0;
        fake_sinks_notify1(SINK_NOTIFY_BURN_COMPLETE, "NotifyBurnComplete", IMAPI_E_USERABORT);
        return IMAPI_E_USERABORT;
    }
    fake_sinks_notify1(SINK_NOTIFY_CLOSING_DISC, "NotifyClosingDisc", 1);
    if (!simulate)
        fake_media_record(blocks, m->active_format == FORMAT_REDBOOK);
    g_fake.burning = 0;
    g_fake.burns++;
    fake_sinks_notify1(SINK_NOTIFY_BURN_COMPLETE, "NotifyBurnComplete", S_OK);
    return S_OK;
}

static HRESULT MasterClose(void* self)
{
    (void)self;
    FAKE_ENTER("IDiscMaster::Close");
    REQUIRE_OPEN();
    g_fake.master_open = 0;
    return S_OK;
}

/* IDiscMaster's vtable: imapi.h, Windows SDK order. */
static const fake_fn s_master_vtbl[] = {
    FAKE_IUNKNOWN_SLOTS,
    FN(Open),
    FN(EnumDiscMasterFormats),
    FN(GetActiveDiscMasterFormat),
    FN(SetActiveDiscMasterFormat),
    FN(EnumDiscRecorders),
    FN(GetActiveDiscRecorder),
    FN(SetActiveDiscRecorder),
    FN(ClearFormatContent),
    FN(ProgressAdvise),
    FN(ProgressUnadvise),
    FN(RecordDisc),
    FN(MasterClose),
};

HRESULT fake_new_disc_master(void** out)
{
    *out = fake_object_new(sizeof(disc_master), s_master_vtbl, &s_master_class);
    return *out != NULL ? S_OK : E_OUTOFMEMORY;
}

/* ---- IEnumDiscMasterFormats: Joliet, then Redbook ---- */

typedef struct format_enum {
    fake_object base;
    ULONG position;
} format_enum;

static const GUID* const s_format_enum_iids[] = { &IID_IEnumDiscMasterFormats, NULL };
static const fake_class s_format_enum_class = { "IEnumDiscMasterFormats", s_format_enum_iids, NULL };
static const GUID* const s_formats[] = { &IID_IJolietDiscMaster, &IID_IRedbookDiscMaster };
#define FORMAT_COUNT 2u

static HRESULT FormatsNext(void* self, ULONG count, GUID* iids, ULONG* fetched)
{
    format_enum* e = self;
    FAKE_ENTER("IEnumDiscMasterFormats::Next");
    if (iids == NULL || (count > 1 && fetched == NULL))
        return E_POINTER;
    ULONG n = 0;
    while (n < count && e->position < FORMAT_COUNT)
        iids[n++] = *s_formats[e->position++];
    if (fetched != NULL)
        *fetched = n;
    return n == count ? S_OK : S_FALSE;
}

static HRESULT FormatsSkip(void* self, ULONG count)
{
    format_enum* e = self;
    FAKE_ENTER("IEnumDiscMasterFormats::Skip");
    ULONG left = FORMAT_COUNT - e->position;
    e->position += count < left ? count : left;
    return count <= left ? S_OK : S_FALSE;
}

static HRESULT FormatsReset(void* self)
{
    FAKE_ENTER("IEnumDiscMasterFormats::Reset");
    ((format_enum*)self)->position = 0;
    return S_OK;
}

static HRESULT FormatsClone(void* self, void** copy)
{
    FAKE_ENTER("IEnumDiscMasterFormats::Clone");
    if (copy == NULL)
        return E_POINTER;
    return new_format_enum(((format_enum*)self)->position, copy);
}

/* IEnumDiscMasterFormats' vtable: imapi.h, Windows SDK order. */
static const fake_fn s_format_enum_vtbl[] = {
    FAKE_IUNKNOWN_SLOTS, FN(FormatsNext), FN(FormatsSkip), FN(FormatsReset), FN(FormatsClone),
};

static HRESULT new_format_enum(ULONG position, void** out)
{
    format_enum* e = fake_object_new(sizeof(format_enum), s_format_enum_vtbl, &s_format_enum_class);
    if (e == NULL)
        return E_OUTOFMEMORY;
    e->position = position;
    *out = e;
    return S_OK;
}

/* ---- IJolietDiscMaster ---- */

/* Slots of IStorage (objidl.h): OpenStream 4, OpenStorage 6, EnumElements 11. Of IEnumSTATSTG: Next 3. */
enum { STORAGE_OPEN_STREAM = 4, STORAGE_OPEN_STORAGE = 6, STORAGE_ENUM_ELEMENTS = 11, ENUM_STATSTG_NEXT = 3 };
/* STGM_READ | STGM_SHARE_EXCLUSIVE: objbase.h, Windows SDK. */
#define STGM_READ_EXCLUSIVE 0x10u

typedef struct file_reading {
    long long size;
    uint32_t checksum;
} file_reading;

static HRESULT checksum_chunk(void* context, const unsigned char* bytes, uint32_t count)
{
    file_reading* file = context;
    for (uint32_t i = 0; i < count; i++) {
        file->checksum ^= bytes[i];
        file->checksum *= 16777619u; /* FNV-1a 32-bit prime */
    }
    file->size += count;
    return S_OK;
}

static HRESULT stage_file(const char* path, const file_reading* file, int overwrite)
{
    for (int i = 0; i < g_fake.staged_count; i++) {
        if (strcmp(g_fake.staged[i].path, path) != 0)
            continue;
        if (!overwrite)
            return IMAPI_E_FILEEXISTS;
        g_fake.staged[i].size = file->size;
        g_fake.staged[i].checksum = file->checksum;
        return S_OK;
    }
    if (g_fake.staged_count == g_fake.staged_capacity) {
        int grown = g_fake.staged_capacity < 16 ? 16 : g_fake.staged_capacity * 2;
        fake_staged_file* bigger = realloc(g_fake.staged, (size_t)grown * sizeof *bigger);
        if (bigger == NULL)
            return E_OUTOFMEMORY;
        g_fake.staged = bigger, g_fake.staged_capacity = grown;
    }
    fake_staged_file* entry = &g_fake.staged[g_fake.staged_count++];
    size_t length = strlen(path) + 1; /* strdup is POSIX, not C11 */
    entry->path = malloc(length);
    if (entry->path == NULL) {
        g_fake.staged_count--;
        return E_OUTOFMEMORY;
    }
    memcpy(entry->path, path, length);
    entry->size = file->size;
    entry->checksum = file->checksum;
    return S_OK;
}

typedef struct walk {
    int counting; /* the first pass only counts the files, for NotifyAddProgress's total */
    int files, total;
    int overwrite;
} walk;

static HRESULT walk_storage(void* storage, const char* prefix, walk* w)
{
    void* elements = NULL;
    HRESULT hr = ((HRESULT(*)(void*, uint32_t, void*, uint32_t, void**))COM_SLOT(storage, STORAGE_ENUM_ELEMENTS))(
        storage, 0, NULL, 0, &elements);
    if (hr < 0)
        return hr;
    if (elements == NULL)
        return E_POINTER;
    for (;;) {
        STATSTG stat;
        ULONG fetched = 0;
        memset(&stat, 0, sizeof stat);
        hr = ((HRESULT(*)(void*, ULONG, STATSTG*, ULONG*))COM_SLOT(elements, ENUM_STATSTG_NEXT))(elements, 1, &stat,
                                                                                               &fetched);
        if (hr < 0 || fetched != 1) {
            free(stat.pwcsName);
            hr = hr < 0 ? hr : S_OK;
            break;
        }
        char* path = NULL;
        size_t length = 0, capacity = 0;
        fake_append_text(&path, &length, &capacity, prefix);
        if (prefix[0] != 0)
            fake_append_text(&path, &length, &capacity, "\\");
        fake_append_utf8(&path, &length, &capacity, stat.pwcsName);
        if (stat.type == STGTY_STORAGE) {
            void* child = NULL;
            hr = ((HRESULT(*)(void*, const OLECHAR*, void*, uint32_t, OLECHAR**, uint32_t, void**))COM_SLOT(
                storage, STORAGE_OPEN_STORAGE))(storage, stat.pwcsName, NULL, STGM_READ_EXCLUSIVE, NULL, 0, &child);
            if (hr >= 0 && child != NULL) {
                hr = walk_storage(child, path != NULL ? path : "", w);
                COM_RELEASE(child);
            }
        } else if (stat.type == STGTY_STREAM && w->counting) {
            w->total++;
        } else if (stat.type == STGTY_STREAM) {
            void* stream = NULL;
            hr = ((HRESULT(*)(void*, const OLECHAR*, void*, uint32_t, uint32_t, void**))COM_SLOT(
                storage, STORAGE_OPEN_STREAM))(storage, stat.pwcsName, NULL, STGM_READ_EXCLUSIVE, 0, &stream);
            if (hr >= 0 && stream != NULL) {
                file_reading file = { 0, 2166136261u }; /* FNV-1a 32-bit offset basis */
                long long total = 0;
                hr = fake_stream_read_all(stream, 64 * 1024, checksum_chunk, &file, &total);
                COM_RELEASE(stream);
                if (hr >= 0)
                    hr = stage_file(path != NULL ? path : "", &file, w->overwrite);
                if (hr >= 0) {
                    w->files++;
                    fake_sinks_notify2(SINK_NOTIFY_ADD_PROGRESS, "NotifyAddProgress", w->files, w->total);
                    if (fake_sinks_query_cancel())
                        hr = IMAPI_E_USERABORT;
                }
            }
        }
        free(path);
        free(stat.pwcsName);
        if (hr < 0)
            break;
    }
    COM_RELEASE(elements);
    return hr;
}

static const GUID* const s_joliet_iids[] = { &IID_IJolietDiscMaster, NULL };
static const fake_class s_joliet_class = { "IJolietDiscMaster", s_joliet_iids, format_destroy };

static HRESULT GetTotalDataBlocks(void* self, LONG* blocks)
{
    (void)self;
    FAKE_ENTER("IJolietDiscMaster::GetTotalDataBlocks");
    if (blocks == NULL)
        return E_POINTER;
    *blocks = (LONG)g_fake.media.free_blocks;
    return S_OK;
}

static HRESULT GetUsedDataBlocks(void* self, LONG* blocks)
{
    (void)self;
    FAKE_ENTER("IJolietDiscMaster::GetUsedDataBlocks");
    if (blocks == NULL)
        return E_POINTER;
    *blocks = g_fake.staged_count > 0 ? (LONG)joliet_blocks() : 0;
    return S_OK;
}

static HRESULT GetDataBlockSize(void* self, LONG* bytes)
{
    (void)self;
    FAKE_ENTER("IJolietDiscMaster::GetDataBlockSize");
    if (bytes == NULL)
        return E_POINTER;
    *bytes = DATA_BLOCK_BYTES;
    return S_OK;
}

static HRESULT AddData(void* self, void* storage, LONG overwrite)
{
    (void)self;
    FAKE_ENTER("IJolietDiscMaster::AddData");
    if (storage == NULL)
        return E_POINTER;
    REQUIRE_OPEN();
    walk w = { 1, 0, 0, overwrite != 0 };
    HRESULT hr = walk_storage(storage, "", &w);
    if (hr < 0)
        return hr;
    w.counting = 0;
    return walk_storage(storage, "", &w);
}

static HRESULT GetJolietProperties(void* self, void** storage)
{
    (void)self;
    FAKE_ENTER("IJolietDiscMaster::GetJolietProperties");
    if (storage == NULL)
        return E_POINTER;
    /* Property names as IMAPI v1 documents them for Joliet; propids are the fake's own. */
    const fake_property props[] = {
        { "VolumeName", 0x2000, VT_BSTR, 0, "" },
        { "PlaceBootImageOnDisc", 0x2001, VT_BOOL, 0, NULL },
    };
    return fake_new_property_storage(props, 2, storage);
}

static HRESULT SetJolietProperties(void* self, void* storage)
{
    (void)self;
    FAKE_ENTER("IJolietDiscMaster::SetJolietProperties");
    if (storage == NULL)
        return E_POINTER;
    return fake_is_property_storage(storage) ? S_OK : E_INVALIDARG;
}

/* IJolietDiscMaster's vtable: imapi.h, Windows SDK order. */
static const fake_fn s_joliet_vtbl[] = {
    FAKE_IUNKNOWN_SLOTS, FN(GetTotalDataBlocks), FN(GetUsedDataBlocks),   FN(GetDataBlockSize),
    FN(AddData),         FN(GetJolietProperties), FN(SetJolietProperties),
};

/* ---- IRedbookDiscMaster ---- */

static const GUID* const s_redbook_iids[] = { &IID_IRedbookDiscMaster, NULL };
static const fake_class s_redbook_class = { "IRedbookDiscMaster", s_redbook_iids, format_destroy };

static HRESULT GetTotalAudioTracks(void* self, LONG* tracks)
{
    (void)self;
    FAKE_ENTER("IRedbookDiscMaster::GetTotalAudioTracks");
    if (tracks == NULL)
        return E_POINTER;
    *tracks = g_fake.redbook_tracks;
    return S_OK;
}

static HRESULT GetTotalAudioBlocks(void* self, LONG* blocks)
{
    (void)self;
    FAKE_ENTER("IRedbookDiscMaster::GetTotalAudioBlocks");
    if (blocks == NULL)
        return E_POINTER;
    *blocks = (LONG)g_fake.media.free_blocks;
    return S_OK;
}

static HRESULT GetUsedAudioBlocks(void* self, LONG* blocks)
{
    (void)self;
    FAKE_ENTER("IRedbookDiscMaster::GetUsedAudioBlocks");
    if (blocks == NULL)
        return E_POINTER;
    *blocks = g_fake.audio_blocks + (g_fake.track_open ? g_fake.track_planned : 0);
    return S_OK;
}

static HRESULT GetAvailableAudioTrackBlocks(void* self, LONG* blocks)
{
    (void)self;
    FAKE_ENTER("IRedbookDiscMaster::GetAvailableAudioTrackBlocks");
    if (blocks == NULL)
        return E_POINTER;
    if (!g_fake.track_open)
        return IMAPI_E_TRACKNOTOPEN;
    *blocks = g_fake.track_planned - g_fake.track_added;
    return S_OK;
}

static HRESULT GetAudioBlockSize(void* self, LONG* bytes)
{
    (void)self;
    FAKE_ENTER("IRedbookDiscMaster::GetAudioBlockSize");
    if (bytes == NULL)
        return E_POINTER;
    *bytes = AUDIO_BLOCK_BYTES;
    return S_OK;
}

static HRESULT CreateAudioTrack(void* self, LONG blocks)
{
    (void)self;
    FAKE_ENTER("IRedbookDiscMaster::CreateAudioTrack");
    REQUIRE_OPEN();
    if (g_fake.track_open)
        return IMAPI_E_TRACKOPEN;
    if (blocks <= 0)
        return E_INVALIDARG;
    if ((uint32_t)(g_fake.audio_blocks + blocks) > g_fake.media.free_blocks)
        return IMAPI_E_DISCFULL;
    g_fake.track_open = 1, g_fake.track_planned = blocks, g_fake.track_added = 0;
    return S_OK;
}

static HRESULT AddAudioTrackBlocks(void* self, const uint8_t* data, LONG bytes)
{
    (void)self;
    FAKE_ENTER("IRedbookDiscMaster::AddAudioTrackBlocks");
    if (data == NULL && bytes > 0)
        return E_POINTER;
    if (!g_fake.track_open)
        return IMAPI_E_TRACKNOTOPEN;
    if (bytes < 0 || bytes % AUDIO_BLOCK_BYTES != 0)
        return E_INVALIDARG;
    if (g_fake.track_added + bytes / AUDIO_BLOCK_BYTES > g_fake.track_planned)
        return IMAPI_E_DISCFULL;
    g_fake.track_added += bytes / AUDIO_BLOCK_BYTES;
    return S_OK;
}

static HRESULT CloseAudioTrack(void* self)
{
    (void)self;
    FAKE_ENTER("IRedbookDiscMaster::CloseAudioTrack");
    if (!g_fake.track_open)
        return IMAPI_E_TRACKNOTOPEN;
    g_fake.track_open = 0;
    g_fake.audio_blocks += g_fake.track_planned;
    g_fake.redbook_tracks++;
    return S_OK;
}

/* IRedbookDiscMaster's vtable: imapi.h, Windows SDK order. */
static const fake_fn s_redbook_vtbl[] = {
    FAKE_IUNKNOWN_SLOTS,      FN(GetTotalAudioTracks), FN(GetTotalAudioBlocks),  FN(GetUsedAudioBlocks),
    FN(GetAvailableAudioTrackBlocks), FN(GetAudioBlockSize), FN(CreateAudioTrack), FN(AddAudioTrackBlocks),
    FN(CloseAudioTrack),
};

static HRESULT new_format(disc_master* master, int format, void** out)
{
    format_object* f = format == FORMAT_JOLIET
                           ? fake_object_new(sizeof(format_object), s_joliet_vtbl, &s_joliet_class)
                           : fake_object_new(sizeof(format_object), s_redbook_vtbl, &s_redbook_class);
    if (f == NULL)
        return E_OUTOFMEMORY;
    fake_add_ref(master);
    f->master = master;
    *out = f;
    return S_OK;
}
