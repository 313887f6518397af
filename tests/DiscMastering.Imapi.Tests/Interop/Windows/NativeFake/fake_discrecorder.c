/*
 * IMAPI v1 recorders: IDiscRecorder and IEnumDiscRecorders (imapi.h, Windows SDK). Every recorder
 * object stands for the one simulated drive, whose state lives in g_fake.
 */
#include <stdlib.h>
#include <string.h>

#include "fake_com.h"

/* MEDIA_TYPES, MEDIA_FLAGS, RECORDER_TYPES and the RECORDER_* states: imapi.h, Windows SDK. */
#define MEDIA_CDDA_CDROM 1
#define MEDIA_CD_ROM_XA 2
#define MEDIA_BLANK 0x1
#define MEDIA_RW 0x2
#define MEDIA_WRITABLE 0x4
#define RECORDER_CDRW 0x2
#define RECORDER_OPENED 0x1
#define RECORDER_BURNING 0x2

/* GetRecorderGUID's bytes: the fake's own, the ASCII of the device name. */
static const char s_unique_id[] = "fake#cdrom#0";

static const GUID* const s_recorder_iids[] = { &IID_IDiscRecorder, NULL };
static const fake_class s_recorder_class = { "IDiscRecorder", s_recorder_iids, NULL };

static HRESULT Init(void* self, uint8_t* id, ULONG id_size, ULONG drive_number)
{
    (void)self, (void)id, (void)id_size, (void)drive_number;
    FAKE_ENTER("IDiscRecorder::Init");
    return S_OK;
}

static HRESULT GetRecorderGUID(void* self, uint8_t* id, ULONG buffer_size, ULONG* required)
{
    (void)self;
    FAKE_ENTER("IDiscRecorder::GetRecorderGUID");
    ULONG size = (ULONG)strlen(s_unique_id);
    if (required != NULL)
        *required = size;
    if (id == NULL || buffer_size < size)
        return IMAPI_S_BUFFER_TO_SMALL;
    memcpy(id, s_unique_id, size);
    return S_OK;
}

static HRESULT GetRecorderType(void* self, LONG* type)
{
    (void)self;
    FAKE_ENTER("IDiscRecorder::GetRecorderType");
    if (type == NULL)
        return E_POINTER;
    *type = RECORDER_CDRW;
    return S_OK;
}

/* [unique][in,out] BSTR*: a BSTR already there is the callee's to free before it writes its own. */
static void set_in_out(BSTR* slot, const char* text)
{
    if (slot == NULL)
        return;
    fake_bstr_free(*slot);
    *slot = fake_bstr_from_ascii(text);
}

static HRESULT GetDisplayNames(void* self, BSTR* vendor, BSTR* product, BSTR* revision)
{
    (void)self;
    FAKE_ENTER("IDiscRecorder::GetDisplayNames");
    set_in_out(vendor, FAKE_VENDOR);
    set_in_out(product, FAKE_PRODUCT);
    set_in_out(revision, FAKE_REVISION);
    return S_OK;
}

static HRESULT GetBasePnPID(void* self, BSTR* id)
{
    (void)self;
    FAKE_ENTER("IDiscRecorder::GetBasePnPID");
    if (id == NULL)
        return E_POINTER;
    *id = fake_bstr_from_ascii("FAKE\\CdRomFAKEVEND_IMAPI_FAKE_RW");
    return S_OK;
}

static HRESULT GetPath(void* self, BSTR* path)
{
    (void)self;
    FAKE_ENTER("IDiscRecorder::GetPath");
    if (path == NULL)
        return E_POINTER;
    *path = fake_bstr_from_ascii(FAKE_PATH);
    return S_OK;
}

static HRESULT GetRecorderProperties(void* self, void** storage)
{
    (void)self;
    FAKE_ENTER("IDiscRecorder::GetRecorderProperties");
    if (storage == NULL)
        return E_POINTER;
    /* Property names as IMAPI v1 documents them for recorders; propids are the fake's own. */
    const fake_property props[] = {
        { "WriteSpeed", 0x2000, VT_I4, g_fake.write_speed, NULL },
        { "MaxWriteSpeed", 0x2001, VT_I4, 48, NULL },
        { "AudioGapSize", 0x2002, VT_I4, g_fake.audio_gap, NULL },
        { "EnableBufferUnderrunFree", 0x2003, VT_BOOL, 1, NULL },
        { "RecorderName", 0x2004, VT_BSTR, 0, FAKE_VENDOR " " FAKE_PRODUCT },
    };
    return fake_new_property_storage(props, (int)(sizeof props / sizeof props[0]), storage);
}

static HRESULT SetRecorderProperties(void* self, void* storage)
{
    (void)self;
    FAKE_ENTER("IDiscRecorder::SetRecorderProperties");
    if (storage == NULL)
        return E_POINTER;
    if (!fake_is_property_storage(storage))
        return E_INVALIDARG;
    fake_property_storage_get_i4(storage, "WriteSpeed", &g_fake.write_speed);
    fake_property_storage_get_i4(storage, "AudioGapSize", &g_fake.audio_gap);
    return S_OK;
}

static HRESULT GetRecorderState(void* self, ULONG* state)
{
    (void)self;
    FAKE_ENTER("IDiscRecorder::GetRecorderState");
    if (state == NULL)
        return E_POINTER;
    *state = (g_fake.recorder_exclusive ? RECORDER_OPENED : 0) | (g_fake.burning ? RECORDER_BURNING : 0);
    return S_OK;
}

static HRESULT OpenExclusive(void* self)
{
    (void)self;
    FAKE_ENTER("IDiscRecorder::OpenExclusive");
    g_fake.recorder_exclusive = 1;
    return S_OK;
}

/* The medium can only be looked at through a recorder opened with OpenExclusive. */
static HRESULT QueryMediaType(void* self, LONG* type, LONG* flags)
{
    (void)self;
    FAKE_ENTER("IDiscRecorder::QueryMediaType");
    if (type == NULL || flags == NULL)
        return E_POINTER;
    if (!g_fake.recorder_exclusive)
        return IMAPI_E_NOTOPENED;
    const fake_media* m = &g_fake.media;
    *type = !m->present ? 0 : m->blank ? MEDIA_CDDA_CDROM : MEDIA_CD_ROM_XA;
    *flags = !m->present ? 0
                         : (m->blank ? MEDIA_BLANK : 0) | (m->rewritable ? MEDIA_RW : 0) |
                               (m->appendable ? MEDIA_WRITABLE : 0);
    return S_OK;
}

static HRESULT QueryMediaInfo(void* self, uint8_t* sessions, uint8_t* last_track, ULONG* start_address,
                              ULONG* next_writable, ULONG* free_blocks)
{
    (void)self;
    FAKE_ENTER("IDiscRecorder::QueryMediaInfo");
    if (sessions == NULL || last_track == NULL || start_address == NULL || next_writable == NULL ||
        free_blocks == NULL)
        return E_POINTER;
    if (!g_fake.recorder_exclusive)
        return IMAPI_E_NOTOPENED;
    const fake_media* m = &g_fake.media;
    if (!m->present)
        return IMAPI_E_MEDIUM_NOTPRESENT;
    *sessions = (uint8_t)m->sessions;
    *last_track = (uint8_t)m->last_track;
    *start_address = m->start_address;
    *next_writable = m->next_writable;
    *free_blocks = m->free_blocks;
    return S_OK;
}

static HRESULT Eject(void* self)
{
    (void)self;
    FAKE_ENTER("IDiscRecorder::Eject");
    return g_fake.recorder_exclusive ? S_OK : IMAPI_E_NOTOPENED;
}

static HRESULT Erase(void* self, uint8_t full)
{
    (void)self;
    FAKE_ENTER("IDiscRecorder::Erase");
    if (!g_fake.recorder_exclusive)
        return IMAPI_E_NOTOPENED;
    if (!g_fake.media.present)
        return IMAPI_E_MEDIUM_NOTPRESENT;
    if (!g_fake.media.rewritable)
        return IMAPI_E_MEDIUM_INVALIDTYPE;
    fake_media_erase();
    g_fake.erases[full != 0]++;
    fake_sinks_notify1(SINK_NOTIFY_ERASE_COMPLETE, "NotifyEraseComplete", S_OK);
    return S_OK;
}

static HRESULT Close(void* self)
{
    (void)self;
    FAKE_ENTER("IDiscRecorder::Close");
    g_fake.recorder_exclusive = 0;
    return S_OK;
}

/* IDiscRecorder's vtable: imapi.h, Windows SDK order. */
static const fake_fn s_recorder_vtbl[] = {
    FAKE_IUNKNOWN_SLOTS,
    FN(Init),
    FN(GetRecorderGUID),
    FN(GetRecorderType),
    FN(GetDisplayNames),
    FN(GetBasePnPID),
    FN(GetPath),
    FN(GetRecorderProperties),
    FN(SetRecorderProperties),
    FN(GetRecorderState),
    FN(OpenExclusive),
    FN(QueryMediaType),
    FN(QueryMediaInfo),
    FN(Eject),
    FN(Erase),
    FN(Close),
};

HRESULT fake_new_disc_recorder(void** out)
{
    *out = fake_object_new(sizeof(fake_object), s_recorder_vtbl, &s_recorder_class);
    return *out != NULL ? S_OK : E_OUTOFMEMORY;
}

int fake_is_disc_recorder(void* object)
{
    return object != NULL && ((fake_object*)object)->vtbl == s_recorder_vtbl;
}

/* ---- IEnumDiscRecorders: the one simulated drive ---- */

typedef struct recorder_enum {
    fake_object base;
    ULONG position;
} recorder_enum;

#define RECORDER_COUNT 1u

static const GUID* const s_enum_iids[] = { &IID_IEnumDiscRecorders, NULL };
static const fake_class s_enum_class = { "IEnumDiscRecorders", s_enum_iids, NULL };

static HRESULT EnumNext(void* self, ULONG count, void** recorders, ULONG* fetched)
{
    recorder_enum* e = self;
    FAKE_ENTER("IEnumDiscRecorders::Next");
    if (recorders == NULL || (count > 1 && fetched == NULL))
        return E_POINTER;
    ULONG n = 0;
    while (n < count && e->position < RECORDER_COUNT) {
        HRESULT hr = fake_new_disc_recorder(&recorders[n]);
        if (hr < 0)
            return hr;
        n++, e->position++;
    }
    if (fetched != NULL)
        *fetched = n;
    return n == count ? S_OK : S_FALSE;
}

static HRESULT EnumSkip(void* self, ULONG count)
{
    recorder_enum* e = self;
    FAKE_ENTER("IEnumDiscRecorders::Skip");
    ULONG left = RECORDER_COUNT - e->position;
    e->position += count < left ? count : left;
    return count <= left ? S_OK : S_FALSE;
}

static HRESULT EnumReset(void* self)
{
    FAKE_ENTER("IEnumDiscRecorders::Reset");
    ((recorder_enum*)self)->position = 0;
    return S_OK;
}

static HRESULT EnumClone(void* self, void** copy);

/* IEnumDiscRecorders' vtable: imapi.h, Windows SDK order. */
static const fake_fn s_enum_vtbl[] = {
    FAKE_IUNKNOWN_SLOTS, FN(EnumNext), FN(EnumSkip), FN(EnumReset), FN(EnumClone),
};

static HRESULT EnumClone(void* self, void** copy)
{
    FAKE_ENTER("IEnumDiscRecorders::Clone");
    if (copy == NULL)
        return E_POINTER;
    recorder_enum* e = fake_object_new(sizeof(recorder_enum), s_enum_vtbl, &s_enum_class);
    if (e == NULL)
        return E_OUTOFMEMORY;
    e->position = ((recorder_enum*)self)->position;
    *copy = e;
    return S_OK;
}

HRESULT fake_new_enum_disc_recorders(void** out)
{
    *out = fake_object_new(sizeof(recorder_enum), s_enum_vtbl, &s_enum_class);
    return *out != NULL ? S_OK : E_OUTOFMEMORY;
}
