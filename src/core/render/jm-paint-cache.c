/* jm-paint-cache.c — card images kept for the screen, least recently
 * painted dropped first. See jm-paint-cache.h. */
#include "config.h"

#include "jm-paint-cache-private.h"

/* Two or three screens' worth of cards at 1920 × 1080, at a device scale
 * of 1: panning back finds them still there. */
#define DEFAULT_MAX_BYTES (32 * 1024 * 1024)

/* Images made in one paint, at most: about a third of a screen. */
#define DEFAULT_MAX_MADE 16

typedef struct {
  guint64          stamp;
  int              theme;
  gboolean         faded;
  cairo_surface_t *surface;
  int              x;
  int              y;
  gsize            bytes;
  GList            link;    /* in the cache's LRU queue; data is the entry */
} Entry;

struct _JmPaintCache {
  GHashTable *entries;      /* &stamp -> Entry*, owned */
  GQueue      lru;          /* most recently painted first */
  gsize       bytes;
  gsize       max_bytes;    /* at a device scale of 1 */
  double      device_scale;
  double      scale;        /* of the images kept; 0 when none */
  double      last_scale;   /* of the paint before this one */
  guint       max_made;     /* per paint; 0: no limit */
  guint       hits;
  guint       made;
  guint       direct;
};

/* A screen of twice the pixels each way needs four times the bytes. */
static gsize
budget (JmPaintCache *cache)
{
  return (gsize) (cache->max_bytes * cache->device_scale * cache->device_scale);
}

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  cairo_surface_destroy (entry->surface);
  g_free (entry);
}

JmPaintCache *
jm_paint_cache_new (gsize max_bytes)
{
  JmPaintCache *cache = g_new0 (JmPaintCache, 1);

  cache->entries = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, entry_free);
  g_queue_init (&cache->lru);
  cache->max_bytes = max_bytes > 0 ? max_bytes : DEFAULT_MAX_BYTES;
  cache->max_made = DEFAULT_MAX_MADE;
  cache->device_scale = 1;
  return cache;
}

void
jm_paint_cache_clear (JmPaintCache *cache)
{
  g_return_if_fail (cache != NULL);

  g_queue_init (&cache->lru);
  g_hash_table_remove_all (cache->entries);
  cache->bytes = 0;
  cache->scale = 0;
}

void
jm_paint_cache_free (JmPaintCache *cache)
{
  if (cache == NULL)
    return;
  jm_paint_cache_clear (cache);
  g_hash_table_unref (cache->entries);
  g_free (cache);
}

void
jm_paint_cache_set_device_scale (JmPaintCache *cache,
                                 double        device_scale)
{
  g_return_if_fail (cache != NULL);

  device_scale = device_scale > 0 ? device_scale : 1;
  if (device_scale != cache->device_scale)
    {
      jm_paint_cache_clear (cache);
      cache->device_scale = device_scale;
    }
}

double
jm_paint_cache_get_device_scale (JmPaintCache *cache)
{
  g_return_val_if_fail (cache != NULL, 1);
  return cache->device_scale;
}

void
jm_paint_cache_get_stats (JmPaintCache *cache,
                          guint        *hits,
                          guint        *made,
                          guint        *direct)
{
  g_return_if_fail (cache != NULL);

  if (hits)
    *hits = cache->hits;
  if (made)
    *made = cache->made;
  if (direct)
    *direct = cache->direct;
}

guint
jm_paint_cache_get_n_images (JmPaintCache *cache)
{
  g_return_val_if_fail (cache != NULL, 0);
  return g_hash_table_size (cache->entries);
}

gsize
jm_paint_cache_get_n_bytes (JmPaintCache *cache)
{
  g_return_val_if_fail (cache != NULL, 0);
  return cache->bytes;
}

gboolean
jm_paint_cache_begin (JmPaintCache *cache,
                      double        scale)
{
  gboolean usable;

  cache->hits = cache->made = cache->direct = 0;
  if (scale <= 0)
    usable = FALSE;   /* not a paint the cache can serve */
  else if (scale == cache->scale)
    usable = TRUE;
  else if (scale == cache->last_scale)
    {
      /* The zoom has settled: images at any other scale are of no use. */
      jm_paint_cache_clear (cache);
      cache->scale = scale;
      usable = TRUE;
    }
  else
    usable = FALSE;
  cache->last_scale = scale;
  return usable;
}

static void
remove_entry (JmPaintCache *cache,
              Entry        *entry)
{
  g_queue_unlink (&cache->lru, &entry->link);
  cache->bytes -= entry->bytes;
  g_hash_table_remove (cache->entries, &entry->stamp);
}

cairo_surface_t *
jm_paint_cache_lookup (JmPaintCache *cache,
                       guint64       stamp,
                       int           theme,
                       gboolean      faded,
                       int          *x,
                       int          *y)
{
  Entry *entry = g_hash_table_lookup (cache->entries, &stamp);

  if (entry == NULL)
    return NULL;
  if (entry->theme != theme || entry->faded != faded)
    {
      remove_entry (cache, entry);
      return NULL;
    }
  g_queue_unlink (&cache->lru, &entry->link);
  g_queue_push_head_link (&cache->lru, &entry->link);
  *x = entry->x;
  *y = entry->y;
  cache->hits++;
  return entry->surface;
}

void
jm_paint_cache_set_max_made (JmPaintCache *cache,
                             guint         max_made)
{
  g_return_if_fail (cache != NULL);
  cache->max_made = max_made;
}

gboolean
jm_paint_cache_may_make (JmPaintCache *cache)
{
  return cache->max_made == 0 || cache->made < cache->max_made;
}

gboolean
jm_paint_cache_accepts (JmPaintCache *cache,
                        int           width,
                        int           height)
{
  /* A card filling much of the budget (zoomed far in) is drawn directly:
   * keeping it would push out every other card. */
  return width > 0 && height > 0 && width <= 8192 && height <= 8192
         && (gsize) width * (gsize) height * 4 <= budget (cache) / 8;
}

void
jm_paint_cache_insert (JmPaintCache    *cache,
                       guint64          stamp,
                       int              theme,
                       gboolean         faded,
                       cairo_surface_t *surface,
                       int              x,
                       int              y)
{
  Entry *entry = g_hash_table_lookup (cache->entries, &stamp);

  if (entry != NULL)
    remove_entry (cache, entry);

  entry = g_new0 (Entry, 1);
  entry->stamp = stamp;
  entry->theme = theme;
  entry->faded = faded;
  entry->surface = surface;
  entry->x = x;
  entry->y = y;
  entry->bytes = (gsize) cairo_image_surface_get_stride (surface)
                 * (gsize) cairo_image_surface_get_height (surface);
  entry->link.data = entry;
  g_hash_table_insert (cache->entries, &entry->stamp, entry);
  g_queue_push_head_link (&cache->lru, &entry->link);
  cache->bytes += entry->bytes;
  cache->made++;

  while (cache->bytes > budget (cache) && cache->lru.length > 1)
    remove_entry (cache, g_queue_peek_tail (&cache->lru));
}

void
jm_paint_cache_count_direct (JmPaintCache *cache)
{
  cache->direct++;
}
