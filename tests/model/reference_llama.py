#!/usr/bin/python3
"""Independent reference for the C++ Llama port (tests/model/test_llama_reference.cpp).

Writes small random Llama checkpoints in the Hugging Face layout (config.json + model.safetensors,
the safetensors bytes written by hand with struct + json) and the logits that Hugging Face's
LlamaForCausalLM computes for them. There is no `transformers` on this machine, so the forward
below re-implements modeling_llama's eager path in plain torch, step for step: RMSNorm in
float32, rotary embeddings from inv_freq = 1 / theta^(arange(0, d, 2) / d) with rotate_half,
repeat_kv for grouped-query attention, the additive causal + padding mask (finfo.min), softmax in
float32, SwiGLU MLP, no biases.

    reference_llama.py OUT_DIR

OUT_DIR/untied and OUT_DIR/tied each get config.json, model.safetensors and expected.safetensors
(ids_full, mask_full, logits_full: a batch without padding; ids_left, mask_left, pos_left,
logits_left: a left-padded batch whose position ids are cumsum(mask) - 1, as HF generate uses).
"""
import json, math, os, struct, sys

import torch
import torch.nn.functional as F


def write_safetensors(path, tensors):
    dtypes = {torch.float32: "F32", torch.int64: "I64"}
    header, blobs, offset = {}, [], 0
    for name, t in tensors.items():
        a = t.detach().contiguous().cpu().numpy()
        data = a.astype(a.dtype.newbyteorder("<"), copy=False).tobytes()  # the format is little-endian
        header[name] = {"dtype": dtypes[t.dtype], "shape": list(t.shape),
                        "data_offsets": [offset, offset + len(data)]}
        blobs.append(data)
        offset += len(data)
    header["__metadata__"] = {"format": "pt"}
    raw = json.dumps(header).encode("utf-8")
    raw += b" " * ((8 - len(raw) % 8) % 8)  # the format pads the header to 8 bytes with spaces
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(raw)))
        f.write(raw)
        for data in blobs:
            f.write(data)


def rms_norm(x, weight, eps):  # LlamaRMSNorm
    dtype = x.dtype
    x = x.to(torch.float32)
    variance = x.pow(2).mean(-1, keepdim=True)
    x = x * torch.rsqrt(variance + eps)
    return weight * x.to(dtype)


def rotary(position_ids, head_dim, theta):  # LlamaRotaryEmbedding (default rope type)
    inv_freq = 1.0 / (theta ** (torch.arange(0, head_dim, 2, dtype=torch.int64).float() / head_dim))
    freqs = (inv_freq[None, :, None].expand(position_ids.shape[0], -1, 1)
             @ position_ids[:, None, :].float()).transpose(1, 2)
    emb = torch.cat((freqs, freqs), dim=-1)
    return emb.cos(), emb.sin()


def rotate_half(x):
    x1, x2 = x[..., : x.shape[-1] // 2], x[..., x.shape[-1] // 2:]
    return torch.cat((-x2, x1), dim=-1)


def repeat_kv(h, n_rep):
    b, kv, s, d = h.shape
    if n_rep == 1:
        return h
    return h[:, :, None, :, :].expand(b, kv, n_rep, s, d).reshape(b, kv * n_rep, s, d)


def hf_forward(w, c, ids, mask, position_ids):
    """LlamaForCausalLM.forward(input_ids, attention_mask, position_ids).logits, eager attention."""
    B, T = ids.shape
    nh, nkv = c["num_attention_heads"], c["num_key_value_heads"]
    hd = c["hidden_size"] // nh
    eps = c["rms_norm_eps"]
    h = F.embedding(ids, w["model.embed_tokens.weight"])
    cos, sin = rotary(position_ids, hd, c["rope_theta"])
    cos, sin = cos.unsqueeze(1), sin.unsqueeze(1)
    minv = torch.finfo(torch.float32).min
    causal = torch.full((T, T), minv).triu(1)[None, None].expand(B, 1, T, T).clone()
    causal = causal.masked_fill(mask[:, None, None, :] == 0, minv)  # _prepare_4d_causal_attention_mask
    for i in range(c["num_hidden_layers"]):
        p = "model.layers.%d." % i
        x = rms_norm(h, w[p + "input_layernorm.weight"], eps)
        q = F.linear(x, w[p + "self_attn.q_proj.weight"]).view(B, T, nh, hd).transpose(1, 2)
        k = F.linear(x, w[p + "self_attn.k_proj.weight"]).view(B, T, nkv, hd).transpose(1, 2)
        v = F.linear(x, w[p + "self_attn.v_proj.weight"]).view(B, T, nkv, hd).transpose(1, 2)
        q, k = q * cos + rotate_half(q) * sin, k * cos + rotate_half(k) * sin
        k, v = repeat_kv(k, nh // nkv), repeat_kv(v, nh // nkv)
        a = torch.matmul(q, k.transpose(2, 3)) / math.sqrt(hd) + causal
        a = F.softmax(a, dim=-1, dtype=torch.float32).to(q.dtype)
        o = torch.matmul(a, v).transpose(1, 2).reshape(B, T, nh * hd)
        h = h + F.linear(o, w[p + "self_attn.o_proj.weight"])
        x = rms_norm(h, w[p + "post_attention_layernorm.weight"], eps)
        gate = F.linear(x, w[p + "mlp.gate_proj.weight"])
        up = F.linear(x, w[p + "mlp.up_proj.weight"])
        h = h + F.linear(F.silu(gate) * up, w[p + "mlp.down_proj.weight"])
    h = rms_norm(h, w["model.norm.weight"], eps)
    head = w["model.embed_tokens.weight"] if c["tie_word_embeddings"] else w["lm_head.weight"]
    return F.linear(h, head)


def make_checkpoint(out, tied, seed):
    c = {"architectures": ["LlamaForCausalLM"], "model_type": "llama", "vocab_size": 300,
         "hidden_size": 64, "intermediate_size": 176, "num_hidden_layers": 2,
         "num_attention_heads": 4, "num_key_value_heads": 2, "max_position_embeddings": 128,
         # Not the defaults, so that a port which ignores config.json shows it.
         "rms_norm_eps": 1e-5, "rope_theta": 5000.0, "hidden_act": "silu",
         "tie_word_embeddings": tied, "bos_token_id": 1, "eos_token_id": 2, "torch_dtype": "float32"}
    g = torch.Generator().manual_seed(seed)
    d, f, v = c["hidden_size"], c["intermediate_size"], c["vocab_size"]
    kv = c["num_key_value_heads"] * d // c["num_attention_heads"]
    # Larger than HF's 0.02 init, and norms away from 1, so that every weight matters.
    rnd = lambda *shape: torch.randn(*shape, generator=g) * 0.15
    w = {"model.embed_tokens.weight": torch.randn(v, d, generator=g)}
    for i in range(c["num_hidden_layers"]):
        p = "model.layers.%d." % i
        w[p + "input_layernorm.weight"] = 1 + 0.2 * torch.randn(d, generator=g)
        w[p + "self_attn.q_proj.weight"] = rnd(d, d)
        w[p + "self_attn.k_proj.weight"] = rnd(kv, d)
        w[p + "self_attn.v_proj.weight"] = rnd(kv, d)
        w[p + "self_attn.o_proj.weight"] = rnd(d, d)
        w[p + "post_attention_layernorm.weight"] = 1 + 0.2 * torch.randn(d, generator=g)
        w[p + "mlp.gate_proj.weight"] = rnd(f, d)
        w[p + "mlp.up_proj.weight"] = rnd(f, d)
        w[p + "mlp.down_proj.weight"] = rnd(d, f)
    w["model.norm.weight"] = 1 + 0.2 * torch.randn(d, generator=g)
    if not tied:
        w["lm_head.weight"] = rnd(v, d)

    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "config.json"), "w") as fh:
        json.dump(c, fh, indent=2)
    write_safetensors(os.path.join(out, "model.safetensors"), w)

    ids_full = torch.randint(3, v, (3, 20), generator=g)
    mask_full = torch.ones_like(ids_full)
    pos_full = torch.arange(20).expand(3, 20)
    lengths = [20, 13, 4]
    ids_left = torch.randint(3, v, (3, 20), generator=g)
    mask_left = torch.zeros_like(ids_left)
    for b, n in enumerate(lengths):
        mask_left[b, 20 - n:] = 1
    ids_left = ids_left * mask_left  # pad id 0
    pos_left = (mask_left.cumsum(-1) - 1).masked_fill(mask_left == 0, 1)  # as HF generate
    with torch.no_grad():
        logits_full = hf_forward(w, c, ids_full, mask_full, pos_full)
        logits_left = hf_forward(w, c, ids_left, mask_left, pos_left)
    write_safetensors(os.path.join(out, "expected.safetensors"), {
        "ids_full": ids_full, "mask_full": mask_full, "logits_full": logits_full,
        "ids_left": ids_left, "mask_left": mask_left, "pos_left": pos_left,
        "logits_left": logits_left})


def main():
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    torch.set_num_threads(1)
    make_checkpoint(os.path.join(sys.argv[1], "untied"), tied=False, seed=7)
    make_checkpoint(os.path.join(sys.argv[1], "tied"), tied=True, seed=8)
    print("torch", torch.__version__)
    return 0


if __name__ == "__main__":
    sys.exit(main())
