/*
 * IMAPI2 formats: IDiscFormat2Data, IDiscFormat2Erase and IDiscFormat2TrackAtOnce (imapi2.h, Windows
 * SDK). Each is dual (IDispatch's four slots after IUnknown's), then IDiscFormat2's five methods, then
 * its own. Write and AddAudioTrack read the client's IStream: Stat for the size, then Read in 64 KiB
 * chunks, as IMAPI2 does.
 */
#include <stdio.h>
#include <stdlib.h>

#include "fake_com.h"

#define CHUNK_BYTES (64u * 1024u)
#define DATA_SECTOR_BYTES 2048
#define AUDIO_SECTOR_BYTES 2352
#define MAX_AUDIO_TRACKS 99
/* 24x CD: 24 * 75 sectors a second. */
#define FAKE_SECTORS_PER_SECOND 1800

/* IMAPI_MEDIA_PHYSICAL_TYPE: imapi2.h, Windows SDK. */
#define IMAPI_MEDIA_TYPE_UNKNOWN 0
#define IMAPI_MEDIA_TYPE_CDR 2
#define IMAPI_MEDIA_TYPE_CDRW 3
/* IMAPI_FORMAT2_DATA_WRITE_ACTION: imapi2.h, Windows SDK. */
#define IMAPI_FORMAT2_DATA_WRITE_ACTION_WRITING_DATA 4
#define IMAPI_FORMAT2_DATA_WRITE_ACTION_FINALIZATION 5
/* IMAPI_FORMAT2_DATA_MEDIA_STATE: imapi2.h, Windows SDK. */
#define MEDIA_STATE_UNKNOWN 0x0
#define MEDIA_STATE_BLANK 0x2
#define MEDIA_STATE_APPENDABLE 0x4
#define MEDIA_STATE_FINALIZED 0x4000

typedef struct format2 {
    fake_object base;
    void* recorder; /* the IDiscRecorder2 put_Recorder gave, AddRef'ed */
    OLECHAR* client_name;
    VARIANT_BOOL underrun_free_disabled, postgap_in_image, force_close, disable_dvd_compat, force_overwrite;
    VARIANT_BOOL full_erase, do_not_finalize, requested_pure_cav;
    int32_t requested_speed;
    atomic_int writing, cancel;
    int prepared, tracks;
    int32_t used_sectors;
    fake_event_source events; /* IDiscFormat2Data only */
} format2;

static void format2_destroy(fake_object* self)
{
    format2* f = (format2*)self;
    fake_event_source_destroy(&f->events);
    if (f->recorder != NULL)
        COM_RELEASE(f->recorder);
    free(f->client_name);
}

/* The log names the method after the object's own interface, for the methods the formats share. */
static HRESULT enter(void* self, const char* method)
{
    char name[128];
    snprintf(name, sizeof name, "%s::%s", ((fake_object*)self)->cls->name, method);
    return fake_enter(name);
}
#define ENTER(self, method)                   \
    do {                                      \
        HRESULT injected_ = enter(self, method); \
        if (injected_ != 0)                   \
            return injected_;                 \
    } while (0)

#define NOT_SIMULATED(function, method)              \
    static HRESULT function(void* self, void* out)   \
    {                                                \
        (void)out;                                   \
        ENTER(self, method);                         \
        return E_NOTIMPL;                            \
    }

#define BOOL_PROPERTY(field, Name)                                 \
    static HRESULT put_##Name(void* self, VARIANT_BOOL value)      \
    {                                                              \
        ENTER(self, "put_" #Name);                                 \
        ((format2*)self)->field = value;                           \
        return S_OK;                                               \
    }                                                              \
    static HRESULT get_##Name(void* self, VARIANT_BOOL* value)     \
    {                                                              \
        ENTER(self, "get_" #Name);                                 \
        if (value == NULL)                                         \
            return E_POINTER;                                      \
        *value = ((format2*)self)->field;                          \
        return S_OK;                                               \
    }

/* A getter of the medium: needs a recorder and a medium. */
#define MEDIA_GETTER(Name, type, expression)                 \
    static HRESULT Name(void* self, type* value)             \
    {                                                        \
        ENTER(self, #Name);                                  \
        if (value == NULL)                                   \
            return E_POINTER;                                \
        HRESULT ready_ = media_ready(self);                  \
        if (ready_ != S_OK)                                  \
            return ready_;                                   \
        const fake_media* m = &g_fake.media;                 \
        (void)m;                                             \
        *value = (expression);                               \
        return S_OK;                                         \
    }

static HRESULT media_ready(format2* f)
{
    if (f->recorder == NULL)
        return E_IMAPI_RECORDER_REQUIRED;
    if (!g_fake.media.present)
        return E_IMAPI_RECORDER_MEDIA_NO_MEDIA;
    return S_OK;
}

/* ---- IDiscFormat2 ---- */

static HRESULT IsRecorderSupported(void* self, void* recorder, VARIANT_BOOL* value)
{
    ENTER(self, "IsRecorderSupported");
    if (recorder == NULL || value == NULL)
        return E_POINTER;
    *value = fake_is_disc_recorder2(recorder) ? VARIANT_TRUE : VARIANT_FALSE;
    return S_OK;
}

static const fake_class s_data_class, s_erase_class, s_tao_class;

static HRESULT IsCurrentMediaSupported(void* self, void* recorder, VARIANT_BOOL* value)
{
    ENTER(self, "IsCurrentMediaSupported");
    if (recorder == NULL || value == NULL)
        return E_POINTER;
    const fake_media* m = &g_fake.media;
    const fake_class* cls = ((fake_object*)self)->cls;
    int supported = cls == &s_erase_class ? m->present && m->rewritable
                    : cls == &s_tao_class ? m->present && m->blank
                                          : m->present;
    *value = supported ? VARIANT_TRUE : VARIANT_FALSE;
    return S_OK;
}

MEDIA_GETTER(get_MediaPhysicallyBlank, VARIANT_BOOL, m->blank ? VARIANT_TRUE : VARIANT_FALSE)
MEDIA_GETTER(get_MediaHeuristicallyBlank, VARIANT_BOOL, m->blank ? VARIANT_TRUE : VARIANT_FALSE)
NOT_SIMULATED(get_SupportedMediaTypes, "get_SupportedMediaTypes")

#define FAKE_IDISCFORMAT2_SLOTS                                                                      \
    FN(IsRecorderSupported), FN(IsCurrentMediaSupported), FN(get_MediaPhysicallyBlank),             \
        FN(get_MediaHeuristicallyBlank), FN(get_SupportedMediaTypes)

/* ---- what the formats share ---- */

static HRESULT put_Recorder(void* self, void* recorder)
{
    format2* f = self;
    ENTER(self, "put_Recorder");
    if (atomic_load(&f->writing))
        return E_IMAPI_DF2DATA_WRITE_IN_PROGRESS;
    if (recorder != NULL)
        COM_ADDREF(recorder);
    if (f->recorder != NULL)
        COM_RELEASE(f->recorder);
    f->recorder = recorder;
    return S_OK;
}

static HRESULT get_Recorder(void* self, void** recorder)
{
    format2* f = self;
    ENTER(self, "get_Recorder");
    if (recorder == NULL)
        return E_POINTER;
    *recorder = f->recorder;
    if (f->recorder == NULL)
        return E_IMAPI_RECORDER_REQUIRED;
    COM_ADDREF(f->recorder);
    return S_OK;
}

static HRESULT put_ClientName(void* self, BSTR name)
{
    format2* f = self;
    ENTER(self, "put_ClientName");
    if (name == NULL || name[0] == 0)
        return E_INVALIDARG;
    free(f->client_name);
    f->client_name = fake_utf16_dup(name);
    return S_OK;
}

static HRESULT get_ClientName(void* self, BSTR* name)
{
    format2* f = self;
    ENTER(self, "get_ClientName");
    if (name == NULL)
        return E_POINTER;
    *name = f->client_name != NULL ? fake_bstr_from_utf16(f->client_name) : fake_bstr_from_ascii("");
    return S_OK;
}

MEDIA_GETTER(get_CurrentPhysicalMediaType, int32_t, m->rewritable ? IMAPI_MEDIA_TYPE_CDRW : IMAPI_MEDIA_TYPE_CDR)
MEDIA_GETTER(get_TotalSectorsOnMedia, LONG, (LONG)FAKE_TOTAL_BLOCKS)
MEDIA_GETTER(get_FreeSectorsOnMedia, LONG, (LONG)m->free_blocks)

static HRESULT SetWriteSpeed(void* self, LONG sectors_per_second, VARIANT_BOOL pure_cav)
{
    format2* f = self;
    ENTER(self, "SetWriteSpeed");
    f->requested_speed = sectors_per_second;
    f->requested_pure_cav = pure_cav;
    return S_OK;
}

static HRESULT get_RequestedWriteSpeed(void* self, LONG* value)
{
    ENTER(self, "get_RequestedWriteSpeed");
    if (value == NULL)
        return E_POINTER;
    *value = ((format2*)self)->requested_speed;
    return S_OK;
}

static HRESULT get_RequestedRotationTypeIsPureCAV(void* self, VARIANT_BOOL* value)
{
    ENTER(self, "get_RequestedRotationTypeIsPureCAV");
    if (value == NULL)
        return E_POINTER;
    *value = ((format2*)self)->requested_pure_cav;
    return S_OK;
}

MEDIA_GETTER(get_CurrentWriteSpeed, LONG, FAKE_SECTORS_PER_SECOND)
MEDIA_GETTER(get_CurrentRotationTypeIsPureCAV, VARIANT_BOOL, VARIANT_FALSE)
NOT_SIMULATED(get_SupportedWriteSpeeds, "get_SupportedWriteSpeeds")
NOT_SIMULATED(get_SupportedWriteSpeedDescriptors, "get_SupportedWriteSpeedDescriptors")
BOOL_PROPERTY(underrun_free_disabled, BufferUnderrunFreeDisabled)

/* ---- IDiscFormat2Data ---- */

BOOL_PROPERTY(postgap_in_image, PostgapAlreadyInImage)
BOOL_PROPERTY(force_close, ForceMediaToBeClosed)
BOOL_PROPERTY(disable_dvd_compat, DisableConsumerDvdCompatibilityMode)
BOOL_PROPERTY(force_overwrite, ForceOverwrite)

MEDIA_GETTER(get_CurrentMediaStatus, int32_t,
             m->blank ? MEDIA_STATE_BLANK : m->appendable ? MEDIA_STATE_APPENDABLE : MEDIA_STATE_FINALIZED)
MEDIA_GETTER(get_WriteProtectStatus, int32_t, 0)
MEDIA_GETTER(get_NextWritableAddress, LONG, (LONG)m->next_writable)
MEDIA_GETTER(get_StartAddressOfPreviousSession, LONG, m->blank ? -1 : (LONG)m->start_address)
MEDIA_GETTER(get_LastWrittenAddressOfPreviousSession, LONG,
             m->blank ? -1 : m->appendable ? (LONG)m->next_writable - 6901 : (LONG)FAKE_TOTAL_BLOCKS - 1)
NOT_SIMULATED(get_MultisessionInterfaces, "get_MultisessionInterfaces")

typedef struct stream_target {
    format2* format;
    int keep; /* Write keeps the bytes and fires Update; AddAudioTrack only counts them */
    int32_t start_lba, sectors;
    long long received;
} stream_target;

static HRESULT receive_chunk(void* context, const unsigned char* bytes, uint32_t count)
{
    stream_target* target = context;
    if (atomic_load(&target->format->cancel))
        return E_IMAPI_REQUEST_CANCELLED;
    if (target->keep && count > 0) {
        fake_written_append(bytes, count);
        target->received += count;
        /* LastWrittenLba - StartLba is the sectors written so far, as IMAPI2's own samples read it. */
        int32_t written = (int32_t)((target->received + DATA_SECTOR_BYTES - 1) / DATA_SECTOR_BYTES);
        fake_event_source_update(&target->format->events, IMAPI_FORMAT2_DATA_WRITE_ACTION_WRITING_DATA,
                                 target->start_lba, target->sectors, target->start_lba + written);
    }
    return S_OK;
}

static HRESULT write_data(format2* f, void* data)
{
    if (g_fake.lock_owner != NULL)
        return E_IMAPI_RECORDER_LOCKED;
    HRESULT hr = media_ready(f);
    if (hr != S_OK)
        return hr;
    fake_media* m = &g_fake.media;
    if (!m->appendable && m->rewritable && !f->force_overwrite)
        return E_IMAPI_DF2DATA_MEDIA_NOT_BLANK;
    if (!m->appendable && !m->rewritable)
        return E_IMAPI_DF2DATA_INVALID_MEDIA_STATE;
    long long size = fake_stream_size(data, &hr);
    if (size < 0)
        return hr;
    uint32_t blocks = (uint32_t)((size + DATA_SECTOR_BYTES - 1) / DATA_SECTOR_BYTES);
    if (blocks > (m->appendable ? m->free_blocks : FAKE_TOTAL_BLOCKS))
        return E_IMAPI_DF2DATA_STREAM_TOO_LARGE_FOR_CURRENT_MEDIA;
    fake_written_clear();
    stream_target target = { f, 1, m->appendable ? (int32_t)m->next_writable : 0, (int32_t)blocks, 0 };
    long long total = 0;
    hr = fake_stream_read_all(data, CHUNK_BYTES, receive_chunk, &target, &total);
    if (hr < 0)
        return hr;
    fake_event_source_update(&f->events, IMAPI_FORMAT2_DATA_WRITE_ACTION_FINALIZATION, target.start_lba,
                             target.sectors, target.start_lba + target.sectors);
    if (!m->appendable)
        fake_media_erase(); /* ForceOverwrite on a rewritable disc */
    fake_media_record((uint32_t)((total + DATA_SECTOR_BYTES - 1) / DATA_SECTOR_BYTES), f->force_close != 0);
    return S_OK;
}

static HRESULT Write(void* self, void* data)
{
    format2* f = self;
    ENTER(self, "Write");
    if (data == NULL)
        return E_POINTER;
    if (atomic_exchange(&f->writing, 1))
        return E_IMAPI_DF2DATA_WRITE_IN_PROGRESS;
    atomic_store(&f->cancel, 0);
    COM_ADDREF(data);
    HRESULT hr = write_data(f, data);
    COM_RELEASE(data);
    atomic_store(&f->writing, 0);
    return hr;
}

static HRESULT CancelWrite(void* self)
{
    format2* f = self;
    ENTER(self, "CancelWrite");
    if (!atomic_load(&f->writing))
        return E_IMAPI_DF2DATA_WRITE_NOT_IN_PROGRESS;
    atomic_store(&f->cancel, 1);
    return S_OK;
}

static const GUID* const s_data_iids[] = { &IID_IDiscFormat2Data, &IID_IDiscFormat2, &IID_IDispatch, NULL };
static const fake_class s_data_class = { "IDiscFormat2Data", s_data_iids, format2_destroy };

/* IDiscFormat2Data is also a connection point container (DDiscFormat2DataEvents), through a tear-off. */
static HRESULT data_query_interface(void* self, const GUID* iid, void** ppv)
{
    if (fake_event_source_query(&((format2*)self)->events, iid, ppv) == S_OK)
        return S_OK;
    return fake_query_interface(self, iid, ppv);
}

/* IDiscFormat2Data's vtable: imapi2.h, Windows SDK order. */
static const fake_fn s_data_vtbl[] = {
    FN(data_query_interface),
    FN(fake_add_ref),
    FN(fake_release),
    FAKE_IDISPATCH_SLOTS,
    FAKE_IDISCFORMAT2_SLOTS,
    FN(put_Recorder),
    FN(get_Recorder),
    FN(put_BufferUnderrunFreeDisabled),
    FN(get_BufferUnderrunFreeDisabled),
    FN(put_PostgapAlreadyInImage),
    FN(get_PostgapAlreadyInImage),
    FN(get_CurrentMediaStatus),
    FN(get_WriteProtectStatus),
    FN(get_TotalSectorsOnMedia),
    FN(get_FreeSectorsOnMedia),
    FN(get_NextWritableAddress),
    FN(get_StartAddressOfPreviousSession),
    FN(get_LastWrittenAddressOfPreviousSession),
    FN(put_ForceMediaToBeClosed),
    FN(get_ForceMediaToBeClosed),
    FN(put_DisableConsumerDvdCompatibilityMode),
    FN(get_DisableConsumerDvdCompatibilityMode),
    FN(get_CurrentPhysicalMediaType),
    FN(put_ClientName),
    FN(get_ClientName),
    FN(get_RequestedWriteSpeed),
    FN(get_RequestedRotationTypeIsPureCAV),
    FN(get_CurrentWriteSpeed),
    FN(get_CurrentRotationTypeIsPureCAV),
    FN(get_SupportedWriteSpeeds),
    FN(get_SupportedWriteSpeedDescriptors),
    FN(put_ForceOverwrite),
    FN(get_ForceOverwrite),
    FN(get_MultisessionInterfaces),
    FN(Write),
    FN(CancelWrite),
    FN(SetWriteSpeed),
};

static HRESULT new_format2(const fake_fn* vtbl, const fake_class* cls, void** out)
{
    format2* f = fake_object_new(sizeof(format2), vtbl, cls);
    if (f == NULL)
        return E_OUTOFMEMORY;
    f->requested_speed = -1; /* the drive's fastest */
    atomic_init(&f->writing, 0);
    atomic_init(&f->cancel, 0);
    *out = f;
    return S_OK;
}

HRESULT fake_new_format2_data(void** out)
{
    HRESULT hr = new_format2(s_data_vtbl, &s_data_class, out);
    if (hr == S_OK)
        fake_event_source_init(&((format2*)*out)->events, *out);
    return hr;
}

/* ---- IDiscFormat2Erase ---- */

BOOL_PROPERTY(full_erase, FullErase)

static HRESULT EraseMedia(void* self)
{
    format2* f = self;
    ENTER(self, "EraseMedia");
    if (g_fake.lock_owner != NULL)
        return E_IMAPI_RECORDER_LOCKED;
    HRESULT hr = media_ready(f);
    if (hr != S_OK)
        return hr;
    if (!g_fake.media.rewritable)
        return E_IMAPI_RECORDER_MEDIA_INCOMPATIBLE;
    fake_media_erase();
    return S_OK;
}

static const GUID* const s_erase_iids[] = { &IID_IDiscFormat2Erase, &IID_IDiscFormat2, &IID_IDispatch, NULL };
static const fake_class s_erase_class = { "IDiscFormat2Erase", s_erase_iids, format2_destroy };

/* IDiscFormat2Erase's vtable: imapi2.h, Windows SDK order. */
static const fake_fn s_erase_vtbl[] = {
    FAKE_IUNKNOWN_SLOTS,
    FAKE_IDISPATCH_SLOTS,
    FAKE_IDISCFORMAT2_SLOTS,
    FN(put_Recorder),
    FN(get_Recorder),
    FN(put_FullErase),
    FN(get_FullErase),
    FN(get_CurrentPhysicalMediaType),
    FN(put_ClientName),
    FN(get_ClientName),
    FN(EraseMedia),
};

HRESULT fake_new_format2_erase(void** out)
{
    return new_format2(s_erase_vtbl, &s_erase_class, out);
}

/* ---- IDiscFormat2TrackAtOnce ---- */

static HRESULT PrepareMedia(void* self)
{
    format2* f = self;
    ENTER(self, "PrepareMedia");
    if (f->recorder == NULL)
        return E_IMAPI_DF2TAO_NO_RECORDER_SPECIFIED;
    if (f->prepared)
        return E_IMAPI_DF2TAO_MEDIA_IS_PREPARED;
    if (g_fake.lock_owner != NULL)
        return E_IMAPI_RECORDER_LOCKED;
    if (!g_fake.media.present)
        return E_IMAPI_RECORDER_MEDIA_NO_MEDIA;
    if (!g_fake.media.blank)
        return E_IMAPI_DF2TAO_MEDIA_IS_NOT_BLANK;
    f->prepared = 1, f->tracks = 0, f->used_sectors = 0;
    return S_OK;
}

static HRESULT add_track(format2* f, void* data)
{
    if (f->tracks >= MAX_AUDIO_TRACKS)
        return E_IMAPI_DF2TAO_TRACK_LIMIT_REACHED;
    HRESULT hr;
    long long size = fake_stream_size(data, &hr);
    if (size < 0)
        return hr;
    if (size == 0 || size % AUDIO_SECTOR_BYTES != 0)
        return E_IMAPI_DF2TAO_STREAM_NOT_SUPPORTED;
    /* Audio sectors hold 2352 bytes; the free count is in 2048-byte data sectors, as IMAPI2 gives it. */
    int32_t sectors = (int32_t)(size / AUDIO_SECTOR_BYTES);
    if ((uint32_t)(f->used_sectors + sectors) > g_fake.media.free_blocks)
        return E_IMAPI_DF2TAO_NOT_ENOUGH_SPACE;
    stream_target target = { f, 0, 0, 0, 0 };
    long long total = 0;
    hr = fake_stream_read_all(data, CHUNK_BYTES, receive_chunk, &target, &total);
    if (hr < 0)
        return hr;
    f->tracks++, f->used_sectors += sectors;
    g_fake.tao_tracks++;
    return S_OK;
}

static HRESULT AddAudioTrack(void* self, void* data)
{
    format2* f = self;
    ENTER(self, "AddAudioTrack");
    if (data == NULL)
        return E_POINTER;
    if (!f->prepared)
        return E_IMAPI_DF2TAO_MEDIA_IS_NOT_PREPARED;
    if (atomic_exchange(&f->writing, 1))
        return E_IMAPI_DF2TAO_WRITE_IN_PROGRESS;
    atomic_store(&f->cancel, 0);
    COM_ADDREF(data);
    HRESULT hr = add_track(f, data);
    COM_RELEASE(data);
    atomic_store(&f->writing, 0);
    return hr;
}

static HRESULT CancelAddTrack(void* self)
{
    format2* f = self;
    ENTER(self, "CancelAddTrack");
    if (!atomic_load(&f->writing))
        return E_IMAPI_DF2TAO_WRITE_NOT_IN_PROGRESS;
    atomic_store(&f->cancel, 1);
    return S_OK;
}

static HRESULT ReleaseMedia(void* self)
{
    format2* f = self;
    ENTER(self, "ReleaseMedia");
    if (!f->prepared)
        return E_IMAPI_DF2TAO_MEDIA_IS_NOT_PREPARED;
    f->prepared = 0;
    if (f->tracks > 0)
        fake_media_record((uint32_t)f->used_sectors, !f->do_not_finalize);
    return S_OK;
}

static HRESULT get_NumberOfExistingTracks(void* self, LONG* value)
{
    format2* f = self;
    ENTER(self, "get_NumberOfExistingTracks");
    if (value == NULL)
        return E_POINTER;
    *value = f->prepared ? f->tracks : g_fake.media.last_track;
    return S_OK;
}

static HRESULT get_UsedSectorsOnMedia(void* self, LONG* value)
{
    format2* f = self;
    ENTER(self, "get_UsedSectorsOnMedia");
    if (value == NULL)
        return E_POINTER;
    *value = f->used_sectors;
    return S_OK;
}

BOOL_PROPERTY(do_not_finalize, DoNotFinalizeMedia)
NOT_SIMULATED(get_ExpectedTableOfContents, "get_ExpectedTableOfContents")

static const GUID* const s_tao_iids[] = { &IID_IDiscFormat2TrackAtOnce, &IID_IDiscFormat2, &IID_IDispatch, NULL };
static const fake_class s_tao_class = { "IDiscFormat2TrackAtOnce", s_tao_iids, format2_destroy };

/* IDiscFormat2TrackAtOnce's vtable: imapi2.h, Windows SDK order. */
static const fake_fn s_tao_vtbl[] = {
    FAKE_IUNKNOWN_SLOTS,
    FAKE_IDISPATCH_SLOTS,
    FAKE_IDISCFORMAT2_SLOTS,
    FN(PrepareMedia),
    FN(AddAudioTrack),
    FN(CancelAddTrack),
    FN(ReleaseMedia),
    FN(SetWriteSpeed),
    FN(put_Recorder),
    FN(get_Recorder),
    FN(put_BufferUnderrunFreeDisabled),
    FN(get_BufferUnderrunFreeDisabled),
    FN(get_NumberOfExistingTracks),
    FN(get_TotalSectorsOnMedia),
    FN(get_FreeSectorsOnMedia),
    FN(get_UsedSectorsOnMedia),
    FN(put_DoNotFinalizeMedia),
    FN(get_DoNotFinalizeMedia),
    FN(get_ExpectedTableOfContents),
    FN(get_CurrentPhysicalMediaType),
    FN(put_ClientName),
    FN(get_ClientName),
    FN(get_RequestedWriteSpeed),
    FN(get_RequestedRotationTypeIsPureCAV),
    FN(get_CurrentWriteSpeed),
    FN(get_CurrentRotationTypeIsPureCAV),
    FN(get_SupportedWriteSpeeds),
    FN(get_SupportedWriteSpeedDescriptors),
};

HRESULT fake_new_format2_tao(void** out)
{
    return new_format2(s_tao_vtbl, &s_tao_class, out);
}
