/**
 * Text embeddings: {@link dev.evalgap.embed.OnnxSentenceEmbedder} (sentence-transformer models
 * shipped in jars), {@link dev.evalgap.embed.HashingEmbedder} (model-free), the registry
 * {@link dev.evalgap.embed.Embedders}, and {@link dev.evalgap.embed.CachingEmbedder}, which keys
 * vectors by embedder id and {@link dev.evalgap.embed.TextHash}.
 */
package dev.evalgap.embed;
