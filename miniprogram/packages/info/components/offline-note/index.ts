/** "离线内容，更新于…": shown above a list or page read from the saved copy. */
Component({
  properties: {
    note: { type: String, value: '' },
  },
});
