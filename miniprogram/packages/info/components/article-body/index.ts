import type { ArticleBlock } from '../../../../domain/article-blocks';

/**
 * An article's blocks (heading, paragraph with bold spans, list, image) rendered with
 * WXML nodes of their own — never rich-text or HTML, so nothing staff type becomes markup.
 */
Component({
  properties: {
    blocks: { type: Array, value: [] as ArticleBlock[] },
  },
  methods: {
    previewImage(event: WechatMiniprogram.TouchEvent<WechatMiniprogram.IAnyObject, WechatMiniprogram.IAnyObject, { url: string }>) {
      const url = event.currentTarget.dataset.url;
      const urls = (this.data.blocks as ArticleBlock[]).flatMap((block) => (block.type === 'image' ? [block.url] : []));
      wx.previewImage({ current: url, urls });
    },
  },
});
